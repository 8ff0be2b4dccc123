using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public sealed class CampaignOutcomesTests
{
    private static readonly DateTimeOffset Sent = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static Campaign SentCampaign() => new()
    {
        Id = 1, Name = "c", Segment = "s", CreatedBy = "local", GoalDays = 14, HoldoutShare = 0.5, Seed = 3, SendStartedAt = Sent, MinimumDetectableEffect = 0.17,
        Variants = [new CampaignVariantSpec("A", "competence", "warm", ["p"], new Dictionary<string, MessageTemplate> { ["en"] = new("s", "b") })],
    };

    private static IEnumerable<RecipientOutcome> Group(string group, int size, int returned, string profile = "learner") =>
        Enumerable.Range(0, size).Select(i => new RecipientOutcome(group, profile, group != GroupAssignment.Holdout, i < returned ? Sent.AddDays(2) : null));

    [Fact]
    public void Reports_uplift_and_the_two_proportion_test_of_the_textbook_example()
    {
        // 30/100 against 20/100: pooled 0.25, z = 1.63299, two-sided p = 0.10247 (computed by hand with erfc).
        var analysis = CampaignOutcomes.Analyse(SentCampaign(), [.. Group("A", 100, 30), .. Group(GroupAssignment.Holdout, 100, 20)], Sent.AddDays(30));

        var a = analysis.Groups.Single(g => g.Group == "A");
        Assert.Equal(0.30, a.Rate, 10);
        Assert.Equal(0.10, a.Uplift!.Value, 10);
        Assert.Equal(0.5, a.RelativeUplift!.Value, 10);
        Assert.Equal(0.1024704, a.PValue!.Value, 6);
        Assert.InRange(a.ProbabilityToBeatHoldout!.Value, 0.94, 0.96);
        Assert.Equal(1.0, analysis.SampleRatioPValue, 6); // 100 and 100 for a 50/50 split
        Assert.Contains(analysis.Warnings, w => w.Code == "not_significant");
        Assert.DoesNotContain(analysis.Warnings, w => w.Code == "window_open");
    }

    [Fact]
    public void Warns_of_small_groups_an_open_window_and_a_split_that_went_wrong()
    {
        var analysis = CampaignOutcomes.Analyse(SentCampaign(), [.. Group("A", 90, 10), .. Group(GroupAssignment.Holdout, 30, 2)], Sent.AddDays(3));

        Assert.Equal(["window_open", "small_groups", "sample_ratio_mismatch", "not_significant"], analysis.Warnings.Select(w => w.Code));
        Assert.Equal("A, holdout", analysis.Warnings.Single(w => w.Code == "small_groups").Value);
    }

    [Fact]
    public void Counts_a_member_in_their_group_even_when_their_message_was_skipped()
    {
        var outcomes = Group("A", 100, 30).Select((o, i) => i < 10 ? o with { Delivered = false } : o).Concat(Group(GroupAssignment.Holdout, 100, 20)).ToList();
        var a = CampaignOutcomes.Analyse(SentCampaign(), outcomes, Sent.AddDays(30)).Groups.Single(g => g.Group == "A");
        Assert.Equal((100, 90, 30), (a.Assigned, a.Delivered, a.Returned));
    }

    [Fact]
    public void Gives_the_next_wave_per_profile_to_the_variant_that_worked_for_that_profile()
    {
        var campaign = SentCampaign();
        campaign.Variants = [.. campaign.Variants, new CampaignVariantSpec("B", "relatedness", "warm", ["p"], new Dictionary<string, MessageTemplate> { ["en"] = new("s", "b") })];
        var outcomes = Group("A", 200, 40, "learner").Concat(Group("B", 200, 10, "learner"))
            .Concat(Group("A", 200, 10, "contributor")).Concat(Group("B", 200, 40, "contributor")).Concat(Group(GroupAssignment.Holdout, 400, 20)).ToList();

        var wave = CampaignOutcomes.Analyse(campaign, outcomes, Sent.AddDays(30)).NextWave;

        Assert.True(wave.Single(w => w.Profile == "learner" && w.Variant == "A").Share > 0.99);
        Assert.True(wave.Single(w => w.Profile == "contributor" && w.Variant == "B").Share > 0.99);
        Assert.Equal("relatedness", wave.Single(w => w.Profile == "contributor" && w.Variant == "B").Need);
    }
}
