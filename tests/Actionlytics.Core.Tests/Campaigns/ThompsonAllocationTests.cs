using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public class ThompsonAllocationTests
{
    [Fact]
    public void Gives_a_clearly_better_variant_most_of_the_next_wave()
    {
        var shares = ThompsonAllocation.Shares([new("A", 500, 25), new("B", 500, 60), new("C", 500, 30)], seed: 1);

        Assert.True(shares["B"] > 0.95, $"B {shares["B"]:P1}");
        Assert.Equal(1, shares.Values.Sum(), 9);
    }

    [Fact]
    public void Shares_equally_while_nothing_is_known()
    {
        var shares = ThompsonAllocation.Shares([new("A", 0, 0), new("B", 0, 0)], seed: 2);

        Assert.InRange(shares["A"], 0.48, 0.52);
    }

    [Fact]
    public void Matches_the_exact_probability_to_beat_for_two_variants()
    {
        // With two arms, B's share is P(rate B > rate A), which has a closed form.
        var shares = ThompsonAllocation.Shares([new("A", 200, 20), new("B", 210, 18)], seed: 3);

        Assert.Equal(ExperimentStatistics.ProbabilityToBeat(20, 200, 18, 210), shares["B"], 2);
    }

    [Fact]
    public void Is_reproducible_with_a_seed()
    {
        ArmOutcome[] arms = [new("A", 50, 5), new("B", 50, 7)];

        Assert.Equal(ThompsonAllocation.Shares(arms, 9), ThompsonAllocation.Shares(arms, 9));
    }
}
