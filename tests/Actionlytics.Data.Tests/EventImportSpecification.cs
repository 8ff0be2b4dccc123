using System.Text;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Demo;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Data.Tests;

/// <summary>How event imports behave, on every store provider (see the derived classes).</summary>
public abstract class EventImportSpecification(StoreProvider provider) : IAsyncLifetime
{
    private const string Header = "event_id,member_id,occurred_at,action,content_id,channel\n";

    protected TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(provider);
        await Store.CreateCommunityAsync("acme");
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private static string Events(int count, string prefix = "e", int start = 0)
    {
        var csv = new StringBuilder(Header);
        for (var i = start; i < start + count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},m{i % 7},2026-03-{1 + (i % 28):D2}T{i % 24:D2}:15:00Z,{(i % 3 == 0 ? "login" : "download")},doc-{i % 5},web\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Imports_events_creates_their_members_and_counts_them_in_the_report()
    {
        var report = await Store.ImportEventsAsync("acme", Events(50));

        Assert.True(report.Committed);
        Assert.Equal(50, report.Imported);
        Assert.Equal(7, report.MembersCreated);
        Assert.Equal(50, await Store.CountEventsAsync());
        Assert.Equal(7, await Store.QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Reimporting_the_same_file_twice_leaves_one_copy_of_each_event()
    {
        var csv = Events(40);
        await Store.ImportEventsAsync("acme", csv);
        var again = await Store.ImportEventsAsync("acme", csv);

        Assert.Equal(0, again.Imported);
        Assert.Equal(40, again.Duplicates);
        Assert.Equal(40, await Store.CountEventsAsync());
        Assert.Equal(40, await Store.QueryAsync(db => db.MemberDays.SumAsync(d => d.Events)));
    }

    [Fact]
    public async Task Stores_an_event_id_repeated_within_one_file_once()
    {
        var report = await Store.ImportEventsAsync("acme", Header + "e1,m1,2026-03-01T08:00:00Z,login,,\ne1,m1,2026-03-01T09:00:00Z,login,,\n");

        Assert.Equal(1, report.Imported);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(1, await Store.CountEventsAsync());
    }

    [Fact]
    public async Task Imports_nothing_from_a_file_with_a_bad_timestamp_on_line_7_and_a_missing_action_on_line_12()
    {
        await Store.ImportEventsAsync("acme", Events(10, prefix: "before"));
        var lines = Events(14).Split('\n').ToList();
        lines[6] = "e5,m5,2026-03-06 8h15,download,doc-0,web"; // line 7
        lines[11] = "e10,m3,2026-03-11T10:15:00Z,,doc-0,web"; // line 12

        var report = await Store.ImportEventsAsync("acme", string.Join('\n', lines));

        Assert.False(report.Committed);
        Assert.Equal([7L, 12L], report.Errors.Select(e => e.Line));
        Assert.Equal(10, await Store.CountEventsAsync());
        Assert.Equal(7, await Store.QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(10, await Store.QueryAsync(db => db.MemberDays.SumAsync(d => d.Events)));
    }

    [Fact]
    public async Task Imports_the_valid_rows_and_reports_the_rest_when_asked_to_skip_invalid_ones()
    {
        var report = await Store.ImportEventsAsync("acme",
            Header + "e1,m1,2026-03-01T08:00:00Z,login,,\ne2,m1,yesterday,login,,\ne3,m2,2026-03-02T08:00:00Z,quiz_answer,,\n",
            new ImportOptions { SkipInvalid = true });

        Assert.True(report.Committed);
        Assert.Equal(2, report.Imported);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        Assert.Equal(2, await Store.CountEventsAsync());
    }

    [Fact]
    public async Task Lists_the_first_hundred_errors_and_counts_the_rest()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 250; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"e{i},m1,not-a-date,login,,\n");
        }

        var report = await Store.ImportEventsAsync("acme", csv.ToString());

        Assert.Equal(250, report.Invalid);
        Assert.Equal(ImportReport.MaxListedErrors, report.Errors.Count);
    }

    [Fact]
    public async Task Keeps_member_days_equal_to_the_events_they_summarise_across_imports()
    {
        await Store.ImportEventsAsync("acme", Events(300));
        await Store.ImportEventsAsync("acme", Events(300, start: 200)); // overlaps 100 events
        await Store.ImportEventsAsync("acme", Header + "x1,m1,2026-03-02T10:00:00Z,webinar_joined,,\nx2,m1,2026-03-02T11:00:00Z,contribution,,\n");

        var events = await Store.QueryAsync(db => db.Events.Select(e => new { e.MemberId, e.Day, e.Action }).ToListAsync());
        var expected = events
            .GroupBy(e => (e.MemberId, e.Day))
            .Select(g =>
            {
                var counts = new ActionCounts();
                foreach (var e in g)
                {
                    counts.Add(e.Action);
                }
                return (g.Key.MemberId, g.Key.Day, counts);
            })
            .OrderBy(x => x.MemberId).ThenBy(x => x.Day)
            .ToList();
        var stored = (await Store.QueryAsync(db => db.MemberDays.ToListAsync()))
            .Select(d => (d.MemberId, d.Day, d.Events, d.Logins, d.Downloads, d.QuizAnswers, d.BadgesEarned, d.VideoViews, d.Contributions, d.OtherActions))
            .OrderBy(x => x.MemberId).ThenBy(x => x.Day)
            .ToList();

        Assert.Equal(502, events.Count);
        Assert.Equal(
            expected.Select(x => (x.MemberId, x.Day, x.counts.Events, x.counts.Logins, x.counts.Downloads, x.counts.QuizAnswers,
                x.counts.BadgesEarned, x.counts.VideoViews, x.counts.Contributions, x.counts.OtherActions)),
            stored);
        Assert.Contains(stored, d => d.OtherActions == 1 && d.Contributions >= 1);

        var dayTotals = (await Store.QueryAsync(db => db.CommunityDays.ToListAsync()))
            .Select(d => (d.Day, d.Events, d.Logins, d.Downloads, d.QuizAnswers, d.BadgesEarned, d.VideoViews, d.Contributions, d.OtherActions))
            .OrderBy(d => d.Day);
        var fromMemberDays = stored.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => (g.Key,
            (long)g.Sum(d => d.Events), (long)g.Sum(d => d.Logins), (long)g.Sum(d => d.Downloads), (long)g.Sum(d => d.QuizAnswers),
            (long)g.Sum(d => d.BadgesEarned), (long)g.Sum(d => d.VideoViews), (long)g.Sum(d => d.Contributions), (long)g.Sum(d => d.OtherActions)));
        Assert.Equal(fromMemberDays, dayTotals);
    }

    [Fact]
    public async Task Puts_events_on_the_days_of_the_community_time_zone()
    {
        await Store.CreateCommunityAsync("paris", "Europe/Paris");

        await Store.ImportEventsAsync("paris", Header + "e1,m1,2026-01-10T23:30:00Z,login,,\ne2,m1,2026-01-10T22:30:00Z,login,,\n");

        var days = await Store.QueryAsync(db => db.Events.OrderBy(e => e.EventKey).Select(e => e.Day).ToListAsync());
        Assert.Equal([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 10)], days);
    }

    [Fact]
    public async Task Sets_a_new_members_join_date_to_their_earliest_event()
    {
        await Store.ImportEventsAsync("acme", Header + "e1,m1,2026-03-05T08:00:00Z,login,,\ne2,m1,2026-03-01T08:00:00Z,login,,\n");

        var joined = await Store.QueryAsync(db => db.Members.Select(m => m.JoinedAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), joined);
    }

    [Fact]
    public async Task Rejects_events_of_unknown_members_when_creating_them_is_not_allowed()
    {
        await Store.ImportMembersAsync("acme", "member_id\nknown\n");

        var report = await Store.ImportEventsAsync("acme",
            Header + "e1,known,2026-03-01T08:00:00Z,login,,\ne2,stranger,2026-03-01T08:00:00Z,login,,\n",
            new ImportOptions { CreateUnknownMembers = false });

        Assert.False(report.Committed);
        Assert.Contains("stranger", Assert.Single(report.Errors).Reason);
        Assert.Equal(0, await Store.CountEventsAsync());
    }

    [Fact]
    public async Task Rolls_back_what_was_written_when_a_JSON_array_breaks_part_way()
    {
        var items = string.Join(',', Enumerable.Range(0, 3000).Select(i =>
            $$"""{"event_id":"j{{i}}","member_id":"m1","occurred_at":"2026-03-01T08:00:00Z","action":"login"}"""));

        await Assert.ThrowsAsync<ImportFormatException>(() => Store.ImportEventsAsync("acme", "[" + items + ", {\"event_id\":", format: ImportFormat.JsonArray));

        Assert.Equal(0, await Store.CountEventsAsync());
        Assert.Equal(0, await Store.QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Rolls_back_an_import_that_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var rows = Enumerable.Range(0, 100_000).Select(i =>
        {
            if (i == 5_000)
            {
                cancellation.Cancel();
            }
            return new EventRow($"c{i}", "m1", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), "login", null, null, null);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WithScopeAsync(sp =>
            sp.GetRequiredService<Ingestion.EventImporter>().ImportAsync("acme", rows, new ImportOptions(), null, cancellation.Token)));

        Assert.Equal(0, await Store.CountEventsAsync());
    }

    [Fact]
    public async Task Keeps_event_ids_apart_between_communities()
    {
        await Store.CreateCommunityAsync("other");

        await Store.ImportEventsAsync("acme", Events(5));
        var report = await Store.ImportEventsAsync("other", Events(5));

        Assert.Equal(5, report.Imported);
        Assert.Equal(10, await Store.CountEventsAsync());
    }

    [Fact]
    public async Task Refuses_to_import_into_a_community_that_does_not_exist()
    {
        var error = await Assert.ThrowsAsync<CommunityNotFoundException>(() => Store.ImportEventsAsync("nope", Events(1)));

        Assert.Contains("community create nope", error.Message);
    }

    [Fact]
    public async Task Seeds_the_demo_community_through_the_import_path()
    {
        var spec = new DemoCommunitySpec(Members: 120, Months: 6, Seed: 3, EndDay: new DateOnly(2026, 6, 30));

        var result = await Store.WithScopeAsync(sp => sp.GetRequiredService<DemoCommunitySeeder>().SeedAsync(spec, "demo", "Demo", replace: false));
        var summary = await Store.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<CommunityDirectory>();
            return await directory.SummarizeAsync(await directory.GetAsync("demo", CancellationToken.None), CancellationToken.None);
        });

        Assert.Equal(120, summary.Members);
        Assert.Equal(new DemoCommunityGenerator(spec).Events().Count(), summary.Events);
        Assert.Equal(result.Events, summary.Events);
        Assert.Equal(spec.EndDay, summary.LastActiveDay);

        var again = await Store.WithScopeAsync(sp => sp.GetRequiredService<DemoCommunitySeeder>().SeedAsync(spec, "demo", "Demo", replace: true));
        Assert.Equal(result.Events, again.Events);
    }
}

public sealed class SqliteEventImportTests() : EventImportSpecification(StoreProvider.Sqlite);

public sealed class PostgresEventImportTests() : EventImportSpecification(StoreProvider.Postgres);
