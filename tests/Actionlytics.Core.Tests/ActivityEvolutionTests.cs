using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Demo;

namespace Actionlytics.Core.Tests;

public class ActivityEvolutionTests
{
    // Weeks: W09 = 02-23..03-01 (before the window), W10 = 03-02..03-08, W11 = 03-09..03-15, W12 = 03-16..03-22.
    private static readonly DateOnly From = CommunityBuilder.Day("2026-03-02");
    private static readonly DateOnly To = CommunityBuilder.Day("2026-03-22");

    private static ActivityIndex Community() => new CommunityBuilder()
        .Member("ann", ("2026-02-25", ["login"]), ("2026-03-03", ["login", "download"]), ("2026-03-10", ["login"]))
        .Member("bob", ("2026-03-04", ["quiz_answer"]), ("2026-03-18", ["login"]))
        .Member("cat", ("2026-01-05", ["login"]), ("2026-03-12", ["contribution"]))
        .Member("dan", ("2026-02-24", ["login"]))
        .Member("eve", "2026-03-15")
        .Index;

    [Fact]
    public void Counts_active_members_and_the_lifecycle_of_each_week()
    {
        var trend = ActivityEvolution.Trend(Community(), From, To, Granularity.Week);

        Assert.Equal(["2026-W10", "2026-W11", "2026-W12"], trend.Points.Select(p => p.Period.Label));
        Assert.Equal([2, 2, 1], trend.Points.Select(p => p.ActiveMembers));
        Assert.Equal([1, 0, 0], trend.Points.Select(p => p.New));
        Assert.Equal([1, 1, 0], trend.Points.Select(p => p.Returning));
        Assert.Equal([0, 1, 1], trend.Points.Select(p => p.Resurrecting));
        Assert.Equal([1, 1, 2], trend.Points.Select(p => p.Dormant));
        Assert.Equal([1, 1, 1], trend.Points.Select(p => p.Gained));
        Assert.Equal([1, 1, 2], trend.Points.Select(p => p.Lost));
    }

    [Fact]
    public void Rates_activity_against_the_members_who_had_joined_by_the_end_of_each_period()
    {
        var trend = ActivityEvolution.Trend(Community(), From, To, Granularity.Week);

        Assert.Equal([4, 5, 5], trend.Points.Select(p => p.Members)); // eve joins on 03-15, the last day of W11
        Assert.Equal([0.5, 0.4, 0.2], trend.Points.Select(p => p.ActivityRate));
    }

    [Fact]
    public void Sums_events_by_action_per_period()
    {
        var trend = ActivityEvolution.Trend(Community(), From, To, Granularity.Week);

        var w10 = trend.Points[0].EventsByAction;
        Assert.Equal(3, w10[0]);             // ann: login and download on 03-03, bob: a quiz answer on 03-04
        Assert.Equal(1, w10[1 + 1]);         // downloads
        Assert.Equal(1, w10[1 + 2]);         // quiz answers
        Assert.Equal(1, trend.Points[1].EventsByAction[1 + 5]); // cat's contribution in W11
    }

    [Fact]
    public void Compares_the_window_with_the_previous_one_of_the_same_length()
    {
        var comparison = ActivityEvolution.Trend(Community(), From, To, Granularity.Week).Comparison;

        Assert.Equal(CommunityBuilder.Day("2026-02-09"), comparison.Previous.From);
        Assert.Equal(CommunityBuilder.Day("2026-03-01"), comparison.Previous.To);
        Assert.Equal(3, comparison.Current.ActiveMembers);
        Assert.Equal(2, comparison.Previous.ActiveMembers);
        Assert.Equal(2, comparison.Gained);  // bob, cat
        Assert.Equal(1, comparison.Lost);    // dan
        Assert.Equal(1, comparison.Current.NewMembers);
        Assert.Equal(2, comparison.Previous.NewMembers);
        Assert.Equal(0.5, comparison.ActiveMembersChangeRatio);
    }

    [Theory]
    [InlineData("2026-03-10", TrendMetric.Resurrecting, new[] { "cat" })]
    [InlineData("2026-03-20", TrendMetric.Dormant, new[] { "ann", "cat" })]
    [InlineData("2026-03-05", TrendMetric.New, new[] { "bob" })]
    [InlineData("2026-03-05", TrendMetric.Members, new[] { "ann", "bob", "cat", "dan" })]
    [InlineData("2026-03-11", TrendMetric.Active, new[] { "ann", "cat" })]
    public void Opens_every_number_into_the_members_behind_it(string day, TrendMetric metric, string[] expected)
    {
        var members = ActivityEvolution.MembersBehind(Community(), From, To, Granularity.Week, CommunityBuilder.Day(day), metric);

        Assert.Equal(expected, members);
    }

    [Fact]
    public void Counts_members_by_number_of_active_days_in_the_window()
    {
        var histogram = ActivityEvolution.Stickiness(Community(), From, To);

        Assert.Equal(1, histogram[0]);   // cat: 1 day
        Assert.Equal(2, histogram[1]);   // ann, bob: 2 days
        Assert.Equal(["ann", "bob"], ActivityEvolution.StickinessMembers(Community(), From, To, 2));
    }

    [Fact]
    public void Builds_retention_cohorts_by_month_of_first_activity()
    {
        var cohorts = ActivityEvolution.Retention(Community(), CommunityBuilder.Day("2026-01-01"), CommunityBuilder.Day("2026-03-31"));

        Assert.Equal(["2026-01", "2026-02", "2026-03"], cohorts.Select(c => c.Month));
        Assert.Equal([1, 2, 1], cohorts.Select(c => c.Size));
        Assert.Equal([1, 0, 1], cohorts[0].Active);
        Assert.Equal([2, 1], cohorts[1].Active);
        Assert.Equal([1.0, 0.5], cohorts[1].Retained);
        Assert.Equal(["ann"], ActivityEvolution.RetentionMembers(Community(), CommunityBuilder.Day("2026-02-01"), 1));
    }

    [Fact]
    public void Cuts_months_and_marks_the_partial_ones()
    {
        var periods = Periods.Between(CommunityBuilder.Day("2026-01-15"), CommunityBuilder.Day("2026-03-10"), Granularity.Month);

        Assert.Equal(["2026-01", "2026-02", "2026-03"], periods.Select(p => p.Label));
        Assert.Equal([true, false, true], periods.Select(p => p.Partial));
        Assert.Equal(28, periods[1].Days);
    }

    [Fact]
    public void Refuses_a_window_that_ends_before_it_starts_or_lasts_over_ten_years()
    {
        Assert.Throws<AnalyticsArgumentException>(() => ActivityEvolution.Trend(Community(), To, From, Granularity.Day));
        Assert.Throws<AnalyticsArgumentException>(() => ActivityEvolution.Trend(Community(), CommunityBuilder.Day("2010-01-01"), To, Granularity.Month));
    }

    [Fact]
    public void Agrees_with_a_brute_force_count_on_the_demo_community()
    {
        var spec = new DemoCommunitySpec(300, 8, 9, new DateOnly(2026, 6, 30));
        var generator = new DemoCommunityGenerator(spec);
        var calendar = new CommunityCalendar(spec.TimeZone);
        var index = new ActivityIndex(spec.TimeZone);
        var ids = new Dictionary<string, long>();
        foreach (var member in generator.Members())
        {
            ids[member.MemberId] = ids.Count + 1;
            index.AddMember(ids[member.MemberId], member.MemberId, calendar.DayOf(member.JoinedAt!.Value));
        }
        var days = new HashSet<(string Member, DateOnly Day)>();
        foreach (var e in generator.Events())
        {
            var counts = new ActionCounts();
            counts.Add(e.Action);
            var day = calendar.DayOf(e.OccurredAt);
            index.AddDay(ids[e.MemberId], day, counts);
            days.Add((e.MemberId, day));
        }

        var trend = ActivityEvolution.Trend(index, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 28), Granularity.Week);

        foreach (var point in trend.Points)
        {
            var expectedActive = days.Where(d => point.Period.Contains(d.Day)).Select(d => d.Member).Distinct().Count();
            Assert.Equal(expectedActive, point.ActiveMembers);
            Assert.Equal(point.ActiveMembers, point.New + point.Returning + point.Resurrecting);
        }
        for (var k = 1; k < trend.Points.Count; k++)
        {
            var active = trend.Points[k].ActiveMembers - trend.Points[k - 1].ActiveMembers;
            Assert.Equal(active, trend.Points[k].Gained - trend.Points[k].Lost);
        }
    }
}
