namespace Actionlytics.Cli;

/// <summary>What the command's exit code means, for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some rows were invalid: nothing was imported (or, with --skip-invalid, the valid rows were).</summary>
    public const int InvalidRows = 1;

    /// <summary>The command or its input cannot be used as given: bad option, unreadable file, missing header.</summary>
    public const int UsageOrInput = 2;

    /// <summary>The community named does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>The person acting lacks the role (see <c>community grant</c>).</summary>
    public const int Forbidden = 4;
}
