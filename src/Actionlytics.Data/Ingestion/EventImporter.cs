using System.Data;
using System.Data.Common;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Data.Ingestion;

/// <summary>
/// Imports activity events: one transaction per import, so an import either lands whole or not at all
/// (even if the process is killed); repeated event ids are stored once; the per-member daily activity is
/// maintained in the same transaction.
/// </summary>
public sealed class EventImporter(StoreDatabase database, CommunityDirectory communities, TimeProvider time, ILogger<EventImporter> logger)
{
    private const int DailyFlushThreshold = 100_000;

    /// <summary>Imports a CSV, JSON Lines or JSON array input.</summary>
    public async Task<ImportReport> ImportAsync(
        string communitySlug, Stream input, ImportFormat format, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var assumeZone = options.AssumeTimeZone is null ? null : new CommunityCalendar(options.AssumeTimeZone);
        var parser = new EventRowParser(new EventReadOptions(assumeZone, time.GetUtcNow()));
        var counting = new CountingStream(input);
        var rows = ImportRecordReader.Read(counting, format, ImportContract.Events).Select(parser.Parse);
        var tally = new ImportTally("events", community.Slug, progress, () => counting.BytesRead, input.CanSeek ? input.Length : null);
        return await WriteAsync(community, rows, options, tally, cancellationToken);
    }

    /// <summary>Imports rows produced in process (the demo generator), through the same path.</summary>
    public async Task<ImportReport> ImportAsync(
        string communitySlug, IEnumerable<EventRow> events, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var rows = events.Select((row, index) => SourceRow<EventRow>.Valid(index + 1, row));
        var tally = new ImportTally("events", community.Slug, progress, () => 0, null);
        return await WriteAsync(community, rows, options, tally, cancellationToken);
    }

    private async Task<ImportReport> WriteAsync(
        Community community, IEnumerable<SourceRow<EventRow>> rows, ImportOptions options, ImportTally tally, CancellationToken cancellationToken)
    {
        var calendar = new CommunityCalendar(community.TimeZone);
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.Dialect.PrepareBulkSessionAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var writer = new EventWriter(connection, transaction, database.Dialect, community.Id);
        var members = MemberKeys.Load(connection, transaction, community.Id);
        var createdJoinedAt = new Dictionary<long, DateTimeOffset>();

        await foreach (var batch in ImportPipeline.ReadInBatchesAsync(rows, cancellationToken))
        {
            foreach (var source in batch)
            {
                tally.RowsRead++;
                if (!source.IsValid)
                {
                    tally.Reject(source.Line, source.Error!);
                    continue;
                }
                if (tally.Invalid > 0 && !options.SkipInvalid)
                {
                    continue; // this import will be rolled back: keep validating, stop writing
                }

                var row = source.Row;
                if (!members.TryGetValue(row.MemberId, out var memberId))
                {
                    if (!options.CreateUnknownMembers)
                    {
                        tally.Reject(source.Line, $"member_id '{row.MemberId}' is not a known member (import members first, or allow creating unknown members)");
                        continue;
                    }
                    memberId = writer.CreateMember(row.MemberId, row.OccurredAt);
                    members.Add(row.MemberId, memberId);
                    createdJoinedAt.Add(memberId, row.OccurredAt);
                    tally.MembersCreated++;
                }
                else if (createdJoinedAt.TryGetValue(memberId, out var joined) && row.OccurredAt < joined)
                {
                    createdJoinedAt[memberId] = row.OccurredAt;
                }

                var day = calendar.DayOf(row.OccurredAt);
                if (writer.InsertEvent(row, memberId, day))
                {
                    tally.Imported++;
                    if (writer.PendingDailyRows >= DailyFlushThreshold)
                    {
                        writer.FlushDailyActivity();
                    }
                }
                else
                {
                    tally.Duplicates++;
                }
            }
            tally.ReportProgress();
        }

        var commit = tally.Invalid == 0 || options.SkipInvalid;
        if (commit)
        {
            writer.FlushDailyActivity();
            writer.SetJoinedAt(createdJoinedAt);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            tally.RolledBack();
        }
        tally.ReportProgress(final: true);

        var report = tally.ToReport(commit);
        logger.LogInformation(
            "Imported {Imported} events into {Community} ({Duplicates} duplicates, {Invalid} invalid, committed: {Committed}) in {Seconds:F1}s",
            report.Imported, community.Slug, report.Duplicates, report.Invalid, report.Committed, report.ElapsedSeconds);
        return report;
    }

    /// <summary>The prepared statements of one event import, and the daily activity it accumulates.</summary>
    private sealed class EventWriter : IDisposable
    {
        private readonly StoreDialect _dialect;
        private readonly StoreCommand _insertEvent;
        private readonly StoreCommand _insertMember;
        private readonly StoreCommand _upsertDaily;
        private readonly StoreCommand _setJoinedAt;
        private readonly Dictionary<(long Member, DateOnly Day, string Action), int> _daily = [];

        public EventWriter(DbConnection connection, DbTransaction transaction, StoreDialect dialect, int communityId)
        {
            _dialect = dialect;
            _insertEvent = new StoreCommand(connection, transaction,
                """
                INSERT INTO activity_events (community_id, event_key, member_id, occurred_at, day, action, content_id, channel, metadata)
                VALUES (@community, @key, @member, @at, @day, @action, @content, @channel, @metadata)
                ON CONFLICT (community_id, event_key) DO NOTHING
                """,
                ("@community", DbType.Int32), ("@key", DbType.String), ("@member", DbType.Int64), ("@at", dialect.InstantType),
                ("@day", dialect.DayType), ("@action", DbType.String), ("@content", DbType.String), ("@channel", DbType.String),
                ("@metadata", DbType.String));
            _insertEvent.Set(0, communityId);

            _insertMember = new StoreCommand(connection, transaction,
                """
                INSERT INTO members (community_id, external_id, joined_at, opted_out_channels)
                VALUES (@community, @external, @joined, 0)
                RETURNING id
                """,
                ("@community", DbType.Int32), ("@external", DbType.String), ("@joined", dialect.InstantType));
            _insertMember.Set(0, communityId);

            _upsertDaily = new StoreCommand(connection, transaction,
                """
                INSERT INTO daily_activity (community_id, member_id, day, action, event_count)
                VALUES (@community, @member, @day, @action, @count)
                ON CONFLICT (community_id, member_id, day, action)
                DO UPDATE SET event_count = daily_activity.event_count + excluded.event_count
                """,
                ("@community", DbType.Int32), ("@member", DbType.Int64), ("@day", dialect.DayType), ("@action", DbType.String), ("@count", DbType.Int32));
            _upsertDaily.Set(0, communityId);

            _setJoinedAt = new StoreCommand(connection, transaction,
                "UPDATE members SET joined_at = @joined WHERE id = @member",
                ("@joined", dialect.InstantType), ("@member", DbType.Int64));
        }

        public int PendingDailyRows => _daily.Count;

        public long CreateMember(string externalId, DateTimeOffset firstSeen) =>
            Convert.ToInt64(_insertMember.Set(1, externalId).Set(2, _dialect.Instant(firstSeen)).Scalar(), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Stores one event; false when its id is already stored.</summary>
        public bool InsertEvent(in EventRow row, long memberId, DateOnly day)
        {
            var inserted = _insertEvent
                .Set(1, row.EventId)
                .Set(2, memberId)
                .Set(3, _dialect.Instant(row.OccurredAt))
                .Set(4, _dialect.Day(day))
                .Set(5, row.Action)
                .Set(6, row.ContentId)
                .Set(7, row.Channel)
                .Set(8, row.MetadataJson)
                .Execute() == 1;
            if (inserted)
            {
                var key = (memberId, day, row.Action);
                _daily[key] = _daily.GetValueOrDefault(key) + 1;
            }
            return inserted;
        }

        public void FlushDailyActivity()
        {
            foreach (var ((member, day, action), count) in _daily)
            {
                _upsertDaily.Set(1, member).Set(2, _dialect.Day(day)).Set(3, action).Set(4, count).Execute();
            }
            _daily.Clear();
        }

        public void SetJoinedAt(Dictionary<long, DateTimeOffset> joinedAt)
        {
            foreach (var (member, joined) in joinedAt)
            {
                _setJoinedAt.Set(0, _dialect.Instant(joined)).Set(1, member).Execute();
            }
        }

        public void Dispose()
        {
            _insertEvent.Dispose();
            _insertMember.Dispose();
            _upsertDaily.Dispose();
            _setJoinedAt.Dispose();
        }
    }
}
