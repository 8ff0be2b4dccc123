using System.Runtime.InteropServices;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Data.Ingestion;

/// <summary>
/// Imports activity events: one transaction per import, so an import either lands whole or not at all
/// (even if the process is killed); repeated event ids are stored once; the member-day and community-day
/// tables are maintained in the same transaction.
/// </summary>
public sealed class EventImporter(
    StoreDatabase database, CommunityDirectory communities, ActivityIndexCache indexes, TimeProvider time, ILogger<EventImporter> logger)
{
    private const int MemberDayFlushThreshold = 200_000;

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
        await using var session = await BulkSession.BeginAsync(database, cancellationToken);
        var delta = new ImportDelta();
        using var writer = new EventWriter(session, community.Id, delta);
        var members = await MemberKeys.LoadAsync(session, community.Id, cancellationToken);
        var created = new Dictionary<long, (string ExternalId, DateTimeOffset FirstSeen)>();

        await ImportPipeline.ProcessAsync(rows, tally, options.SkipInvalid, source =>
        {
            var row = source.Row;
            if (!members.TryGetValue(row.MemberId, out var memberId))
            {
                if (!options.CreateUnknownMembers)
                {
                    tally.Reject(source.Line, $"member_id '{row.MemberId}' is not a known member (import members first, or allow creating unknown members)");
                    return;
                }
                memberId = writer.CreateMember(row.MemberId, row.OccurredAt);
                members.Add(row.MemberId, memberId);
                created.Add(memberId, (row.MemberId, row.OccurredAt));
                tally.MembersCreated++;
            }
            else if (created.TryGetValue(memberId, out var known) && row.OccurredAt < known.FirstSeen)
            {
                created[memberId] = known with { FirstSeen = row.OccurredAt };
            }

            if (!writer.InsertEvent(row, memberId, calendar.DayOf(row.OccurredAt)))
            {
                tally.Duplicates++;
                return;
            }
            tally.Imported++;
            if (writer.PendingDays >= MemberDayFlushThreshold)
            {
                writer.FlushMemberDays();
            }
        }, cancellationToken);

        var report = await tally.FinishAsync(session, community.Id, options.SkipInvalid, () =>
        {
            writer.FlushMemberDays();
            foreach (var (memberId, (externalId, firstSeen)) in created)
            {
                writer.SetJoinedAt(memberId, firstSeen);
                delta.AddMember(memberId, externalId, calendar.DayOf(firstSeen));
            }
        }, cancellationToken);
        if (tally.CommittedVersion is { } version)
        {
            await indexes.ApplyAsync(community.Id, version, delta, cancellationToken);
        }
        logger.LogInformation(
            "Imported {Imported} events into {Community} ({Duplicates} duplicates, {Invalid} invalid, committed: {Committed}) in {Seconds:F1}s",
            report.Imported, community.Slug, report.Duplicates, report.Invalid, report.Committed, report.ElapsedSeconds);
        return report;
    }

    /// <summary>The prepared statements of one event import, and the member-days it accumulates.</summary>
    private sealed class EventWriter : IDisposable
    {
        private readonly BulkStatement _insertEvent;
        private readonly BulkStatement _insertMember;
        private readonly BulkStatement _upsertDay;
        private readonly BulkStatement _setJoinedAt;
        private readonly BulkStatement _upsertCommunityDay;
        private readonly Dictionary<DayKey, ActionCounts> _days = [];
        private readonly ImportDelta _delta;

        public EventWriter(BulkSession session, int communityId, ImportDelta delta)
        {
            _delta = delta;
            _insertEvent = session.Prepare(
                """
                INSERT INTO activity_events (community_id, event_key, member_id, occurred_at, day, action, content_id, channel, metadata)
                VALUES (@community, @key, @member, @at, @day, @action, @content, @channel, @metadata)
                ON CONFLICT (community_id, event_key) DO NOTHING
                """,
                ("@community", BulkValue.Int32), ("@key", BulkValue.Text), ("@member", BulkValue.Int64), ("@at", BulkValue.Instant),
                ("@day", BulkValue.Day), ("@action", BulkValue.Text), ("@content", BulkValue.Text), ("@channel", BulkValue.Text),
                ("@metadata", BulkValue.Text));
            _insertEvent.Int(0, communityId);

            _insertMember = session.Prepare(
                """
                INSERT INTO members (community_id, external_id, joined_at, opted_out_channels)
                VALUES (@community, @external, @joined, 0)
                RETURNING id
                """,
                ("@community", BulkValue.Int32), ("@external", BulkValue.Text), ("@joined", BulkValue.Instant));
            _insertMember.Int(0, communityId);

            _upsertDay = session.Prepare(
                """
                INSERT INTO member_days (community_id, day, member_id, events, logins, downloads, quiz_answers, badges_earned, video_views, contributions, other_actions)
                VALUES (@community, @day, @member, @events, @logins, @downloads, @quizzes, @badges, @videos, @contributions, @others)
                ON CONFLICT (community_id, day, member_id) DO UPDATE SET
                    events = member_days.events + excluded.events,
                    logins = member_days.logins + excluded.logins,
                    downloads = member_days.downloads + excluded.downloads,
                    quiz_answers = member_days.quiz_answers + excluded.quiz_answers,
                    badges_earned = member_days.badges_earned + excluded.badges_earned,
                    video_views = member_days.video_views + excluded.video_views,
                    contributions = member_days.contributions + excluded.contributions,
                    other_actions = member_days.other_actions + excluded.other_actions
                """,
                ("@community", BulkValue.Int32), ("@day", BulkValue.Day), ("@member", BulkValue.Int64), ("@events", BulkValue.Int32),
                ("@logins", BulkValue.Int32), ("@downloads", BulkValue.Int32), ("@quizzes", BulkValue.Int32), ("@badges", BulkValue.Int32),
                ("@videos", BulkValue.Int32), ("@contributions", BulkValue.Int32), ("@others", BulkValue.Int32));
            _upsertDay.Int(0, communityId);

            _upsertCommunityDay = session.Prepare(
                """
                INSERT INTO community_days (community_id, day, events, logins, downloads, quiz_answers, badges_earned, video_views, contributions, other_actions)
                VALUES (@community, @day, @events, @logins, @downloads, @quizzes, @badges, @videos, @contributions, @others)
                ON CONFLICT (community_id, day) DO UPDATE SET
                    events = community_days.events + excluded.events,
                    logins = community_days.logins + excluded.logins,
                    downloads = community_days.downloads + excluded.downloads,
                    quiz_answers = community_days.quiz_answers + excluded.quiz_answers,
                    badges_earned = community_days.badges_earned + excluded.badges_earned,
                    video_views = community_days.video_views + excluded.video_views,
                    contributions = community_days.contributions + excluded.contributions,
                    other_actions = community_days.other_actions + excluded.other_actions
                """,
                ("@community", BulkValue.Int32), ("@day", BulkValue.Day), ("@events", BulkValue.Int64),
                ("@logins", BulkValue.Int64), ("@downloads", BulkValue.Int64), ("@quizzes", BulkValue.Int64), ("@badges", BulkValue.Int64),
                ("@videos", BulkValue.Int64), ("@contributions", BulkValue.Int64), ("@others", BulkValue.Int64));
            _upsertCommunityDay.Int(0, communityId);

            _setJoinedAt = session.Prepare(
                "UPDATE members SET joined_at = @joined WHERE id = @member",
                ("@joined", BulkValue.Instant), ("@member", BulkValue.Int64));
        }

        public int PendingDays => _days.Count;

        public long CreateMember(string externalId, DateTimeOffset firstSeen) =>
            _insertMember.Text(1, externalId).Instant(2, firstSeen).ExecuteInt64();

        /// <summary>Stores one event; false when its id is already stored.</summary>
        public bool InsertEvent(in EventRow row, long memberId, DateOnly day)
        {
            var inserted = _insertEvent
                .Text(1, row.EventId)
                .Int(2, memberId)
                .Instant(3, row.OccurredAt)
                .Day(4, day)
                .Text(5, row.Action)
                .Text(6, row.ContentId)
                .Text(7, row.Channel)
                .Text(8, row.MetadataJson)
                .Execute() == 1;
            if (inserted)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_days, new DayKey(day, memberId), out _).Add(row.Action);
            }
            return inserted;
        }

        /// <summary>Adds the accumulated counts to the member-day table, in key order so its B-tree is walked once, not probed at random.</summary>
        public void FlushMemberDays()
        {
            var entries = _days.ToArray();
            Array.Sort(entries, static (a, b) => a.Key.CompareTo(b.Key));
            var dayTotals = new Dictionary<DateOnly, ActionCounts>();
            foreach (var (key, counts) in entries)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(dayTotals, key.Day, out _).Add(counts);
                _upsertDay.Day(1, key.Day).Int(2, key.Member).Int(3, counts.Events)
                    .Int(4, counts.Logins).Int(5, counts.Downloads).Int(6, counts.QuizAnswers).Int(7, counts.BadgesEarned)
                    .Int(8, counts.VideoViews).Int(9, counts.Contributions).Int(10, counts.OtherActions)
                    .Execute();
                _delta.AddMemberDay(key.Member, key.Day, counts);
            }
            foreach (var (day, totals) in dayTotals)
            {
                _upsertCommunityDay.Day(1, day).Int(2, totals.Events).Int(3, totals.Logins).Int(4, totals.Downloads)
                    .Int(5, totals.QuizAnswers).Int(6, totals.BadgesEarned).Int(7, totals.VideoViews).Int(8, totals.Contributions)
                    .Int(9, totals.OtherActions).Execute();
            }
            _days.Clear();
        }

        public void SetJoinedAt(long memberId, DateTimeOffset joined) => _setJoinedAt.Instant(0, joined).Int(1, memberId).Execute();

        public void Dispose()
        {
            _insertEvent.Dispose();
            _insertMember.Dispose();
            _upsertDay.Dispose();
            _upsertCommunityDay.Dispose();
            _setJoinedAt.Dispose();
        }
    }

    /// <summary>A member-day, ordered as the member-day table's key: day, then member.</summary>
    private readonly record struct DayKey(DateOnly Day, long Member) : IComparable<DayKey>
    {
        public int CompareTo(DayKey other)
        {
            var byDay = Day.CompareTo(other.Day);
            return byDay != 0 ? byDay : Member.CompareTo(other.Member);
        }
    }
}
