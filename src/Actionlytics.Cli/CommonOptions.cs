using System.CommandLine;

namespace Actionlytics.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite file to use instead of the configured store (Store:Provider / Store:SqlitePath).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON on standard output.",
        Recursive = true,
    };

    /// <summary>Who is acting, for role checks and the audit log. <c>local</c>: the person at this machine, admin of the communities they create.</summary>
    public static readonly Option<string> Actor = new("--as")
    {
        Description = "Who is acting (role checks, audit log); default: local, the person at this machine.",
        DefaultValueFactory = _ => Data.Communities.CommunityRoles.LocalUser,
        Recursive = true,
    };

    public static Option<string> Community(string description) => new("--community", "-c")
    {
        Description = description,
        Required = true,
    };
}
