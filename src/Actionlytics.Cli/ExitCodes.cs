using Actionlytics.Core.Refusals;

namespace Actionlytics.Cli;

/// <summary>What the command's exit code means, for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some rows were invalid: nothing was imported (or, with --skip-invalid, the valid rows were).</summary>
    public const int InvalidRows = 1;

    /// <summary>The command or its input cannot be used as given: bad option, unreadable file, missing header, a state that forbids it.</summary>
    public const int UsageOrInput = 2;

    /// <summary>What the command names does not exist (a community, a campaign, a thread).</summary>
    public const int NotFound = 3;

    /// <summary>The person acting lacks the role (see <c>community grant</c>).</summary>
    public const int Forbidden = 4;

    /// <summary>Something the command depends on cannot answer now (the vector store): trying again later may work.</summary>
    public const int Unavailable = 5;

    /// <summary>The exit code of a refusal's kind; a conflict with the current state is a use that cannot be made as given.</summary>
    public static int Of(RefusalKind kind) => kind switch
    {
        RefusalKind.InvalidInput or RefusalKind.Conflict => UsageOrInput,
        RefusalKind.NotFound => NotFound,
        RefusalKind.Forbidden => Forbidden,
        RefusalKind.Unavailable => Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
