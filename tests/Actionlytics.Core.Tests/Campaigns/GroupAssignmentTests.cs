using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public class GroupAssignmentTests
{
    private static List<CampaignCandidate> Audience(int count) =>
        Enumerable.Range(0, count).Select(i => new CampaignCandidate($"m{i:D5}", (i * 37) % 100, (i % 3) switch { 0 => "learner", 1 => "contributor", _ => "lurker" })).ToList();

    [Fact]
    public void Gives_the_same_split_for_the_same_seed_and_another_for_another_seed()
    {
        var audience = Audience(1000);

        var first = GroupAssignment.Assign(audience, 3, 0.1, seed: 7);
        var again = GroupAssignment.Assign(audience.AsEnumerable().Reverse().ToList(), 3, 0.1, seed: 7);
        var other = GroupAssignment.Assign(audience, 3, 0.1, seed: 8);

        Assert.Equal(first.OrderBy(p => p.Key), again.OrderBy(p => p.Key));
        Assert.NotEqual(first.OrderBy(p => p.Key), other.OrderBy(p => p.Key));
    }

    [Fact]
    public void Keeps_a_ten_percent_holdout_and_equal_variant_groups()
    {
        var sizes = GroupAssignment.Assign(Audience(1000), 3, 0.1, seed: 1).Values.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(sizes[GroupAssignment.Holdout], 99, 101);
        Assert.All(["A", "B", "C"], g => Assert.InRange(sizes[g], 299, 301));
    }

    [Fact]
    public void Spreads_every_score_band_and_profile_over_the_groups()
    {
        var audience = Audience(3000);
        var assignment = GroupAssignment.Assign(audience, 2, 0.1, seed: 3);

        foreach (var stratum in audience.GroupBy(c => (c.ScoreBand, c.Profile)))
        {
            var inA = stratum.Count(c => assignment[c.MemberId] == "A");
            var inHoldout = stratum.Count(c => assignment[c.MemberId] == GroupAssignment.Holdout);
            Assert.InRange(inA, (stratum.Count() * 0.45) - 2, (stratum.Count() * 0.45) + 2);
            Assert.InRange(inHoldout, (stratum.Count() * 0.1) - 2, (stratum.Count() * 0.1) + 2);
        }
    }

    [Fact]
    public void Spreads_each_profile_in_its_own_shares_for_a_next_wave()
    {
        var audience = Enumerable.Range(0, 2000).Select(i => new CampaignCandidate($"m{i}", i % 100, i % 2 == 0 ? "learner" : "contributor")).ToList();

        var groups = GroupAssignment.Assign(audience, 2, 0.1, 5, profile => profile == "learner" ? [0.8, 0.2] : null);

        int Count(string profile, string group) => audience.Count(c => c.Profile == profile && groups[c.MemberId] == group);
        Assert.InRange(Count("learner", "A"), 710, 730); // 1000 x 0.9 x 0.8 = 720
        Assert.InRange(Count("learner", "B"), 170, 190);
        Assert.InRange(Count("contributor", "A"), 440, 460); // equal shares for a profile without a record
        Assert.InRange(Count("learner", GroupAssignment.Holdout) + Count("contributor", GroupAssignment.Holdout), 190, 210);
    }
}
