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

    public static Option<string> Community(string description) => new("--community", "-c")
    {
        Description = description,
        Required = true,
    };
}
