namespace Actionlytics.Core.Ingestion;

/// <summary>Choices a caller makes for one import.</summary>
public sealed record ImportOptions
{
    /// <summary>Import the valid rows even when some are invalid (they are reported). By default any invalid row imports nothing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Create members that events mention but the store does not know yet.</summary>
    public bool CreateUnknownMembers { get; init; } = true;

    /// <summary>IANA zone for timestamps written without an offset; without it such rows are invalid.</summary>
    public string? AssumeTimeZone { get; init; }
}
