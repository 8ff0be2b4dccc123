namespace Actionlytics.Core.Ingestion;

/// <summary>What an import did. When <see cref="Committed"/> is false nothing was written.</summary>
public sealed record ImportReport
{
    /// <summary>How many row errors a report lists; the rest are only counted.</summary>
    public const int MaxListedErrors = 100;

    public required string Kind { get; init; }

    public required string Community { get; init; }

    /// <summary>Rows read, valid or not (blank lines excluded).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows newly stored (events) or created and updated (members).</summary>
    public long Imported { get; init; }

    /// <summary>Rows whose id was already stored or repeated in the input; stored once.</summary>
    public long Duplicates { get; init; }

    public long Updated { get; init; }

    public long Invalid { get; init; }

    public long MembersCreated { get; init; }

    public bool Committed { get; init; }

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    public double ElapsedSeconds { get; init; }

    public double RowsPerSecond => ElapsedSeconds > 0 ? RowsRead / ElapsedSeconds : 0;
}
