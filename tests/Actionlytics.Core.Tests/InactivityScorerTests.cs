using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Tests;

public class InactivityScorerTests
{
    private static ScoreParameters Parameters(string asOf, int window = 90, int inactiveAfter = 30, ScoreWeights? weights = null) =>
        new(CommunityBuilder.Day(asOf), window, inactiveAfter, weights ?? ScoreWeights.Default);

    private static MemberScore Only(ScoringResult result, string id) => result.Inactive.Single(m => m.MemberId == id);

    [Fact]
    public void Measures_recency_from_the_last_active_day_on_or_before_the_as_of_day_and_ignores_later_events()
    {
        var community = new CommunityBuilder().ActiveOn("ann", "2026-01-10", "2026-02-01", "2026-05-20");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01"));

        var ann = Only(result, "ann");
        Assert.Equal(CommunityBuilder.Day("2026-02-01"), ann.LastActiveDate);
        Assert.Equal(59, ann.RecencyDays);
    }

    [Fact]
    public void Counts_a_member_inactive_from_exactly_the_threshold()
    {
        var community = new CommunityBuilder()
            .ActiveOn("at_threshold", "2026-03-02")      // 30 days before 2026-04-01
            .ActiveOn("one_day_short", "2026-03-03");    // 29 days before

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01", inactiveAfter: 30));

        Assert.Equal(["at_threshold"], result.Inactive.Select(m => m.MemberId));
        Assert.Equal(1, result.ActiveMembers);
    }

    [Fact]
    public void Does_not_score_members_with_no_event_on_or_before_the_as_of_day()
    {
        var community = new CommunityBuilder()
            .ActiveOn("later", "2026-05-01")
            .Member("never");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01"));

        Assert.Empty(result.Inactive);
        Assert.Equal(2, result.NeverActiveMembers);
    }

    [Fact]
    public void Counts_active_days_and_constancy_inside_the_window_only_with_both_ends_included()
    {
        // Window of 90 days as of 2026-04-01: 2026-01-02 .. 2026-04-01.
        var community = new CommunityBuilder()
            .ActiveOn("bea", "2026-01-01", "2026-01-02", "2026-01-02", "2026-01-20", "2026-02-15");

        var bea = Only(new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 90)), "bea");

        Assert.Equal(3, bea.ActiveDays);                // 01-02, 01-20, 02-15 (01-01 is outside)
        Assert.Equal(45, bea.ConstancyDays);            // 01-02 .. 02-15 inclusive
        Assert.Equal(4, bea.LifetimeActiveDays);
    }

    [Fact]
    public void Gives_constancy_and_active_days_zero_when_nothing_falls_in_the_window()
    {
        var community = new CommunityBuilder().ActiveOn("old", "2025-01-01");

        var old = Only(new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 90)), "old");

        Assert.Equal(0, old.ActiveDays);
        Assert.Equal(0, old.ConstancyDays);
        Assert.Equal(0, old.Score);
    }

    [Fact]
    public void Scores_recently_lapsed_members_higher_than_long_gone_ones()
    {
        var community = new CommunityBuilder()
            .ActiveOn("recent", "2026-02-01", "2026-02-20")
            .ActiveOn("gone", "2026-01-01", "2026-01-20");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 120));

        Assert.True(Only(result, "recent").Score > Only(result, "gone").Score);
        Assert.Equal("recent", result.Inactive[0].MemberId);
    }

    [Fact]
    public void Scores_more_constant_members_higher_all_else_equal()
    {
        var community = new CommunityBuilder()
            .ActiveOn("spread", "2025-12-10", "2026-02-01")
            .ActiveOn("bunched", "2026-01-31", "2026-02-01");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 180));

        Assert.True(Only(result, "spread").Score > Only(result, "bunched").Score);
    }

    [Fact]
    public void Scores_more_frequent_members_higher_all_else_equal()
    {
        var community = new CommunityBuilder()
            .ActiveOn("often", "2026-01-01", "2026-01-10", "2026-01-20", "2026-02-01")
            .ActiveOn("seldom", "2026-01-01", "2026-02-01");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 180));

        Assert.True(Only(result, "often").Score > Only(result, "seldom").Score);
    }

    [Fact]
    public void Explains_each_component_with_shares_that_add_up_to_the_score()
    {
        var community = new CommunityBuilder().ActiveOn("cleo", "2026-01-05", "2026-01-25", "2026-02-10");

        var cleo = Only(new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window: 180, inactiveAfter: 30)), "cleo");
        var parts = new[] { cleo.Explanation.Recency, cleo.Explanation.Constancy, cleo.Explanation.Frequency };

        Assert.InRange(cleo.Score, 0, 100);
        Assert.Equal(cleo.Score, parts.Sum(p => p.Points), 9);
        Assert.Equal(1, parts.Sum(p => p.Share), 9);
        // recency 50 days: 1 - (50 - 30) / 180; constancy 37 / 150; frequency 3 / 150.
        Assert.Equal(1 - (20.0 / 180), cleo.Explanation.Recency.Value, 9);
        Assert.Equal(37.0 / 150, cleo.Explanation.Constancy.Value, 9);
        Assert.Equal(3.0 / 150, cleo.Explanation.Frequency.Value, 9);
        Assert.Equal(100 * ((0.5 * (1 - (20.0 / 180))) + (0.25 * 37.0 / 150) + (0.25 * 3.0 / 150)), cleo.Score, 9);
        Assert.Contains("50 days ago", cleo.Explanation.Summary);
    }

    [Fact]
    public void Follows_configured_weights()
    {
        var community = new CommunityBuilder()
            .ActiveOn("recent_once", "2026-02-25")
            .ActiveOn("old_regular", "2025-11-01", "2025-11-10", "2025-11-20", "2025-12-01", "2025-12-10", "2025-12-20", "2026-01-05");
        var scorer = new InactivityScorer();

        var byRecency = scorer.Score(community.Index, Parameters("2026-04-01", 180, 30, new ScoreWeights(1, 0, 0)));
        var byFrequency = scorer.Score(community.Index, Parameters("2026-04-01", 180, 30, new ScoreWeights(0, 0, 1)));

        Assert.Equal("recent_once", byRecency.Inactive[0].MemberId);
        Assert.Equal("old_regular", byFrequency.Inactive[0].MemberId);
    }

    [Theory]
    [InlineData(0, 30, 1, 1, 1, "window")]
    [InlineData(3651, 30, 1, 1, 1, "window")]
    [InlineData(90, 0, 1, 1, 1, "threshold")]
    [InlineData(90, 30, -1, 1, 1, "zero or positive")]
    [InlineData(90, 30, 0, 0, 0, "above zero")]
    public void Refuses_parameters_that_cannot_give_a_right_answer(int window, int inactiveAfter, double r, double c, double f, string message)
    {
        var community = new CommunityBuilder().ActiveOn("a", "2026-01-01");

        var error = Assert.Throws<AnalyticsArgumentException>(() =>
            new InactivityScorer().Score(community.Index, Parameters("2026-04-01", window, inactiveAfter, new ScoreWeights(r, c, f))));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Orders_equal_scores_in_the_order_members_were_first_stored()
    {
        var community = new CommunityBuilder().ActiveOn("b", "2026-01-01").ActiveOn("a", "2026-01-01").ActiveOn("c", "2026-01-01")
            .ActiveOn("best", "2026-02-20");

        var result = new InactivityScorer().Score(community.Index, Parameters("2026-04-01"));

        Assert.Equal(["best", "b", "a", "c"], result.Inactive.Select(m => m.MemberId));
    }
}
