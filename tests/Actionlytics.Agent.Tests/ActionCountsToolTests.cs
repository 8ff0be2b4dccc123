using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>Counts of actions by name over a window, on the real SQLite store of the demo community, against SQL over the same file.</summary>
public sealed class ActionCountsToolTests(DemoAgent demo) : IClassFixture<DemoAgent>
{
    [Theory]
    [InlineData("download")]
    [InlineData(null)]
    public async Task Counts_events_and_distinct_members_as_SQL_does(string? action)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync(DemoAgent.Community, CancellationToken.None);
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var from = to.AddDays(-40);

        var counted = await scope.ServiceProvider.GetRequiredService<CommunityActions>().CountAsync(DemoAgent.Community, from, to, action, 3, MemberRanking.Events, CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The store keeps days as days since 1970-01-01.
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT member_id) FROM activity_events WHERE community_id = $c AND day BETWEEN $f AND $t AND ($a IS NULL OR action = $a)";
        foreach (var (name, value) in new (string, object?)[] { ("$c", community.Id), ("$f", StoreConverters.ToEpochDay(from)), ("$t", StoreConverters.ToEpochDay(to)), ("$a", action) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.True(reader.GetInt64(0) > 0, $"no {action ?? "event"} between {from} and {to}");
        Assert.Equal(reader.GetInt64(0), counted.Events);
        Assert.Equal(reader.GetInt32(1), counted.Members);
        Assert.Equal(counted.Events, counted.ByAction.Where(a => action is null || a.Action == action).Sum(a => a.Events));
        Assert.InRange(counted.Top.Count, 1, 4); // one more than asked, to tell a tie at the cut
        Assert.True(counted.Top.Zip(counted.Top.Skip(1)).All(p => p.First.Events >= p.Second.Events));
    }

    [Theory]
    [InlineData("download")]
    [InlineData(null)]
    public async Task Counts_the_members_who_did_the_action_in_both_windows_as_SQL_does(string? action)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync(DemoAgent.Community, CancellationToken.None);
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var (from, previousTo) = (to.AddDays(-20), to.AddDays(-21));
        var previousFrom = previousTo.AddDays(-20);

        var both = await scope.ServiceProvider.GetRequiredService<CommunityActions>().MembersInBothAsync(
            DemoAgent.Community, from, to, previousFrom, previousTo, action, action, CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM (
              SELECT member_id FROM activity_events WHERE community_id = $c AND day BETWEEN $f AND $t AND ($a IS NULL OR action = $a)
              INTERSECT
              SELECT member_id FROM activity_events WHERE community_id = $c AND day BETWEEN $pf AND $pt AND ($a IS NULL OR action = $a))
            """;
        foreach (var (name, value) in new (string, object?)[]
        {
            ("$c", community.Id), ("$f", StoreConverters.ToEpochDay(from)), ("$t", StoreConverters.ToEpochDay(to)),
            ("$pf", StoreConverters.ToEpochDay(previousFrom)), ("$pt", StoreConverters.ToEpochDay(previousTo)), ("$a", action),
        })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        var expected = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(expected > 0, $"no member did {action ?? "anything"} in both windows");
        Assert.Equal(expected, both);
    }

    [Fact]
    public async Task Refuses_a_window_that_ends_before_it_starts()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<CommunityActions>();

        await Assert.ThrowsAsync<AnalyticsArgumentException>(() =>
            actions.CountAsync(DemoAgent.Community, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), null, 5, MemberRanking.Events, CancellationToken.None));
    }
}
