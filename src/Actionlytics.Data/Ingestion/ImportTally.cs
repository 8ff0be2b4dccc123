using System.Diagnostics;
using Actionlytics.Core.Ingestion;
using Actionlytics.Core.Telemetry;
using Actionlytics.Data.Store;

namespace Actionlytics.Data.Ingestion;

/// <summary>The running counts and listed errors of one import, and the report they make.</summary>
internal sealed class ImportTally(string kind, string community, IProgress<ImportProgress>? progress, Func<long> bytesRead, long? totalBytes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Activity? _activity = ActionlyticsTelemetry.Source.StartActivity($"import {kind}")?.SetTag("actionlytics.community", community);
    private readonly List<RowError> _errors = [];
    private long _lastProgressAt;

    public long RowsRead { get; set; }

    public long Imported { get; set; }

    public long Updated { get; set; }

    public long Duplicates { get; set; }

    public long Invalid { get; private set; }

    public long MembersCreated { get; set; }

    public void Reject(long line, string reason)
    {
        Invalid++;
        if (_errors.Count < ImportReport.MaxListedErrors)
        {
            _errors.Add(new RowError(line, reason));
        }
    }

    /// <summary>The community's data version the import committed; null when it was rolled back.</summary>
    public long? CommittedVersion { get; private set; }

    /// <summary>
    /// Ends the import: commits when no row was invalid or invalid rows are skipped (after <paramref name="beforeCommit"/>
    /// writes what is pending, and with the community's data version bumped), rolls back otherwise, and makes the report.
    /// </summary>
    public async Task<ImportReport> FinishAsync(BulkSession session, int communityId, bool skipInvalid, Action beforeCommit, CancellationToken cancellationToken)
    {
        var commit = Invalid == 0 || skipInvalid;
        if (commit)
        {
            beforeCommit();
            CommittedVersion = await session.BumpDataVersionAsync(communityId, cancellationToken);
            await session.Transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await session.Transaction.RollbackAsync(cancellationToken);
            Imported = 0;
            Updated = 0;
            MembersCreated = 0;
        }
        ReportProgress(final: true);
        return ToReport(commit);
    }

    /// <summary>Reports progress at most four times a second.</summary>
    public void ReportProgress(bool final = false)
    {
        if (progress is null)
        {
            return;
        }
        var now = _clock.ElapsedMilliseconds;
        if (!final && now - _lastProgressAt < 250)
        {
            return;
        }
        _lastProgressAt = now;
        progress.Report(new ImportProgress(RowsRead, Imported, Duplicates, Invalid, bytesRead(), totalBytes));
    }

    private ImportReport ToReport(bool committed)
    {
        ActionlyticsTelemetry.ImportedRows.Add(RowsRead, new("kind", kind), new("committed", committed));
        _activity?.SetTag("actionlytics.rows_read", RowsRead);
        _activity?.SetTag("actionlytics.invalid", Invalid);
        _activity?.SetTag("actionlytics.committed", committed);
        _activity?.Dispose();
        return new()
        {
            Kind = kind,
            Community = community,
            RowsRead = RowsRead,
            Imported = Imported,
            Updated = Updated,
            Duplicates = Duplicates,
            Invalid = Invalid,
            MembersCreated = MembersCreated,
            Committed = committed,
            Errors = _errors,
            ElapsedSeconds = _clock.Elapsed.TotalSeconds,
        };
    }
}
