using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Tests;

public class SegmentAndProfileTests
{
    private static readonly ScoreParameters AsOfApril = new(CommunityBuilder.Day("2026-04-01"), 180, 30, ScoreWeights.Default);

    private static string[] Days(string from, int count, int step = 3) =>
        Enumerable.Range(0, count).Select(i => CommunityBuilder.Day(from).AddDays(i * step).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Puts_each_inactive_member_in_the_first_matching_default_segment()
    {
        var community = new CommunityBuilder()
            .ActiveOn("once", "2026-02-20")                          // 1 active day ever
            .ActiveOn("regular", Days("2026-01-01", 15))              // 15 days, last 2026-02-12: 48 days ago, 18 past threshold
            .ActiveOn("occasional", "2026-01-20", "2026-02-10", "2026-02-20")
            .ActiveOn("fading", "2025-12-01", "2025-12-15", "2026-01-01") // 90 days ago: 60 past threshold
            .ActiveOn("gone", "2025-06-01", "2025-06-15", "2025-07-01");

        var segments = new InactivityScorer().Score(community.Index, AsOfApril).Inactive.ToDictionary(m => m.MemberId, m => m.Segment);

        Assert.Equal("one_timers", segments["once"]);
        Assert.Equal("recently_lapsed_regulars", segments["regular"]);
        Assert.Equal("recently_lapsed", segments["occasional"]);
        Assert.Equal("fading", segments["fading"]);
        Assert.Equal("long_gone", segments["gone"]);
    }

    [Fact]
    public void Reads_profiles_from_the_mix_of_actions_on_active_days()
    {
        var community = new CommunityBuilder()
            .Member("writer", ("2026-01-01", ["login", "contribution"]), ("2026-01-05", ["login"]), ("2026-01-09", ["login", "download"]))
            .Member("student", ("2026-01-01", ["quiz_answer"]), ("2026-01-05", ["video_view"]), ("2026-01-09", ["login"]))
            .Member("hoarder", ("2026-01-01", ["download"]), ("2026-01-05", ["download"]), ("2026-01-09", ["login"]))
            .Member("watcher", ("2026-01-01", ["login"]), ("2026-01-05", ["login"]), ("2026-01-09", ["login", "badge_earned"]))
            .Member("mixed", ("2026-01-01", ["badge_earned"]), ("2026-01-05", ["badge_earned", "login"]), ("2026-01-09", ["webinar"]));

        var profiles = new InactivityScorer().Score(community.Index, AsOfApril).Inactive.ToDictionary(m => m.MemberId, m => m.Profile);

        Assert.Equal("contributor", profiles["writer"]);
        Assert.Equal("learner", profiles["student"]);
        Assert.Equal("collector", profiles["hoarder"]);
        Assert.Equal("lurker", profiles["watcher"]);
        Assert.Equal("generalist", profiles["mixed"]);
    }

    [Fact]
    public void Reads_profiles_only_from_days_up_to_the_as_of_day()
    {
        var community = new CommunityBuilder()
            .Member("changed", ("2026-01-01", ["download"]), ("2026-01-02", ["download"]), ("2026-05-01", ["contribution"]), ("2026-05-02", ["contribution"]));

        var member = new InactivityScorer().Score(community.Index, AsOfApril).Inactive.Single();

        Assert.Equal("collector", member.Profile);
    }

    [Fact]
    public void Uses_configured_segments_in_order()
    {
        var rules = new SegmentRules([new SegmentRule { Name = "anyone_recent", MaxDaysPastThreshold = 10 }]);
        var community = new CommunityBuilder().ActiveOn("a", "2026-02-25").ActiveOn("b", "2025-01-01");

        var result = new InactivityScorer(rules, ProfileRules.Default).Score(community.Index, AsOfApril);

        Assert.Equal("anyone_recent", result.Inactive.Single(m => m.MemberId == "a").Segment);
        Assert.Equal(SegmentRules.Unclassified, result.Inactive.Single(m => m.MemberId == "b").Segment);
        Assert.Equal([("anyone_recent", 1), (SegmentRules.Unclassified, 1)], result.SegmentSizes(rules));
    }

    [Fact]
    public void Rejects_profiles_naming_unknown_actions_and_segments_with_bad_names()
    {
        Assert.Throws<AnalyticsArgumentException>(() => new ProfileRules([new ProfileRule { Name = "x", Actions = ["dance"], MinShareOfActiveDays = 0.5 }]));
        Assert.Throws<AnalyticsArgumentException>(() => new SegmentRules([new SegmentRule { Name = "Bad Name" }]));
    }
}

public class AnalyticsOptionsTests
{
    [Fact]
    public void Uses_a_communitys_own_weights_and_the_defaults_elsewhere()
    {
        var options = new AnalyticsOptions
        {
            CommunityWeights = { ["acme"] = new AnalyticsOptions.WeightOptions { Recency = 1, Constancy = 0, Frequency = 0 } },
        };

        Assert.Equal(new ScoreWeights(1, 0, 0), options.WeightsFor("acme"));
        Assert.Equal(ScoreWeights.Default, options.WeightsFor("other"));
        Assert.Same(SegmentRules.Default, options.SegmentRules());
        Assert.Equal("contributor", options.ProfileRules().Rules[0].Name);
    }
}
