using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Data.Ingestion;

/// <summary>
/// Imports members: new ids are created, known ids updated (a field left empty keeps the stored value),
/// all in one transaction. Opt-outs only ever add up here: a member opts back in through an explicit action, not a file.
/// </summary>
public sealed class MemberImporter(StoreDatabase database, CommunityDirectory communities, ActivityIndexCache indexes, ILogger<MemberImporter> logger)
{
    public async Task<ImportReport> ImportAsync(
        string communitySlug, Stream input, ImportFormat format, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var parser = new MemberRowParser(new CommunityCalendar(community.TimeZone));
        var counting = new CountingStream(input);
        var rows = ImportRecordReader.Read(counting, format, ImportContract.Members).Select(parser.Parse);
        var tally = new ImportTally("members", community.Slug, progress, () => counting.BytesRead, input.CanSeek ? input.Length : null);
        return await WriteAsync(community, rows, options, tally, cancellationToken);
    }

    /// <summary>Imports rows produced in process (the demo generator), through the same path.</summary>
    public async Task<ImportReport> ImportAsync(
        string communitySlug, IEnumerable<MemberRow> members, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var rows = members.Select((row, index) => SourceRow<MemberRow>.Valid(index + 1, row));
        return await WriteAsync(community, rows, options, new ImportTally("members", community.Slug, null, () => 0, null), cancellationToken);
    }

    private async Task<ImportReport> WriteAsync(
        Community community, IEnumerable<SourceRow<MemberRow>> rows, ImportOptions options, ImportTally tally, CancellationToken cancellationToken)
    {
        await using var session = await BulkSession.BeginAsync(database, cancellationToken);
        var known = await MemberKeys.LoadAsync(session, community.Id, cancellationToken);
        var seenInInput = new HashSet<string>(StringComparer.Ordinal);
        using var upsert = session.Prepare(
            """
            INSERT INTO members (community_id, external_id, display_name, email, locale, joined_at, attributes, opted_out_channels)
            VALUES (@community, @external, @name, @email, @locale, @joined, @attributes, @optout)
            ON CONFLICT (community_id, external_id) DO UPDATE SET
                display_name = COALESCE(excluded.display_name, members.display_name),
                email = COALESCE(excluded.email, members.email),
                locale = COALESCE(excluded.locale, members.locale),
                joined_at = COALESCE(excluded.joined_at, members.joined_at),
                attributes = COALESCE(excluded.attributes, members.attributes),
                opted_out_channels = members.opted_out_channels | excluded.opted_out_channels
            """,
            ("@community", BulkValue.Int32), ("@external", BulkValue.Text), ("@name", BulkValue.Text), ("@email", BulkValue.Text),
            ("@locale", BulkValue.Text), ("@joined", BulkValue.Instant), ("@attributes", BulkValue.Text), ("@optout", BulkValue.Int32));
        upsert.Int(0, community.Id);

        await ImportPipeline.ProcessAsync(rows, tally, options.SkipInvalid, source =>
        {
            var row = source.Row;
            upsert.Text(1, row.MemberId).Text(2, row.DisplayName).Text(3, row.Email).Text(4, row.Locale)
                .Instant(5, row.JoinedAt).Text(6, row.AttributesJson).Int(7, (int)row.OptedOut)
                .Execute();
            if (!seenInInput.Add(row.MemberId))
            {
                tally.Duplicates++;
            }
            else if (known.ContainsKey(row.MemberId))
            {
                tally.Updated++;
            }
            else
            {
                tally.Imported++;
            }
        }, cancellationToken);

        var report = await tally.FinishAsync(session, community.Id, options.SkipInvalid, () => { }, cancellationToken);
        if (tally.CommittedVersion is { } version)
        {
            // Members change names, join days and membership: rebuild the index rather than patch it.
            await indexes.ApplyAsync(community.Id, version, delta: null, cancellationToken);
        }
        logger.LogInformation("Imported members into {Community}: {Created} created, {Updated} updated, {Invalid} invalid, committed: {Committed}",
            community.Slug, report.Imported, report.Updated, report.Invalid, report.Committed);
        return report;
    }
}
