using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Data.Tests;

/// <summary>Scoring on a real store: community days, the in-memory index kept current by imports, on every provider.</summary>
public abstract class ScoringSpecification(StoreProvider provider) : IAsyncLifetime
{
    private const string Header = "event_id,member_id,occurred_at,action\n";

    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(provider);
        await _store.CreateCommunityAsync("paris", "Europe/Paris");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<ScoringResult> ScoreAsync(string asOf, int window = 90, int inactiveAfter = 30) =>
        _store.WithScopeAsync(sp => sp.GetRequiredService<CommunityAnalytics>().ScoreAsync(
            "paris", DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), window, inactiveAfter, null, CancellationToken.None));

    [Fact]
    public async Task Puts_an_event_at_23_30_UTC_on_the_next_day_in_Paris()
    {
        await _store.ImportEventsAsync("paris", Header + "e1,ann,2026-01-10T23:30:00Z,login\n");

        var ann = (await ScoreAsync("2026-03-01")).Inactive.Single();

        Assert.Equal(new DateOnly(2026, 1, 11), ann.LastActiveDate);
        Assert.Equal(49, ann.RecencyDays);
    }

    [Fact]
    public async Task Ignores_events_after_the_as_of_day()
    {
        await _store.ImportEventsAsync("paris", Header + "e1,ann,2026-01-10T10:00:00Z,login\ne2,ann,2026-03-05T10:00:00Z,login\n");

        var early = await ScoreAsync("2026-03-01");
        var late = await ScoreAsync("2026-03-10");

        Assert.Equal(new DateOnly(2026, 1, 10), early.Inactive.Single().LastActiveDate);
        Assert.Empty(late.Inactive);
        Assert.Equal(1, late.ActiveMembers);
    }

    [Fact]
    public async Task Brings_the_index_up_to_date_after_an_import_in_this_process()
    {
        await _store.ImportEventsAsync("paris", Header + "e1,ann,2026-01-10T10:00:00Z,login\ne2,bob,2026-01-12T10:00:00Z,download\n");
        var before = await ScoreAsync("2026-03-01");

        await _store.ImportEventsAsync("paris", Header + "e3,ann,2026-02-20T10:00:00Z,quiz_answer\ne4,cleo,2026-01-05T10:00:00Z,contribution\n");
        var after = await ScoreAsync("2026-03-01");

        Assert.Equal(2, before.InactiveMembers);
        Assert.Equal(["bob", "cleo"], after.Inactive.Select(m => m.MemberId).Order());
        Assert.Equal(1, after.ActiveMembers);
    }

    [Fact]
    public async Task Notices_an_import_made_by_another_process()
    {
        await _store.ImportEventsAsync("paris", Header + "e1,ann,2026-01-10T10:00:00Z,login\n");
        Assert.Single((await ScoreAsync("2026-03-01")).Inactive);

        // Another process: its own services, its own cache, the same store.
        await using (var other = await _store.SecondProcessAsync())
        {
            await other.ImportEventsAsync("paris", Header + "e2,bob,2026-01-12T10:00:00Z,login\n");
        }

        Assert.Equal(2, (await ScoreAsync("2026-03-01")).InactiveMembers);
    }

    [Fact]
    public async Task Gives_the_same_scores_from_an_updated_index_as_from_a_rebuilt_one()
    {
        await _store.ImportEventsAsync("paris", Header + "e1,ann,2026-01-10T10:00:00Z,login\ne2,bob,2026-01-11T10:00:00Z,login\n");
        await ScoreAsync("2026-03-01");
        await _store.ImportEventsAsync("paris", Header + "e3,ann,2026-01-03T10:00:00Z,video_view\ne4,bob,2026-01-11T12:00:00Z,contribution\ne5,dan,2026-01-20T10:00:00Z,download\n");

        var updated = (await ScoreAsync("2026-03-01")).Inactive.Select(Describe).ToList();
        await using var fresh = await _store.SecondProcessAsync();
        var rebuilt = (await fresh.WithScopeAsync(sp => sp.GetRequiredService<CommunityAnalytics>().ScoreAsync(
            "paris", new DateOnly(2026, 3, 1), 90, 30, null, CancellationToken.None))).Inactive.Select(Describe).ToList();

        Assert.Equal(rebuilt, updated);
        Assert.Equal(3, updated.Count);
    }

    [Fact]
    public async Task Refuses_a_zero_window_before_reading_anything()
    {
        await Assert.ThrowsAsync<AnalyticsArgumentException>(() => ScoreAsync("2026-03-01", window: 0));
    }

    private static string Describe(MemberScore m) =>
        $"{m.MemberId} {m.LastActiveDate} {m.RecencyDays} {m.ActiveDays} {m.ConstancyDays} {m.Score:F6} {m.Segment} {m.Profile}";
}

public sealed class SqliteScoringTests() : ScoringSpecification(StoreProvider.Sqlite);

public sealed class PostgresScoringTests() : ScoringSpecification(StoreProvider.Postgres);
