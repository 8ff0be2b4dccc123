using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

/// <summary>
/// Expected values computed independently with mpmath at 30 digits (numerical integration of the Beta posteriors,
/// bisection on the incomplete beta function, the regularized gamma function), not with this code.
/// </summary>
public class ExperimentStatisticsTests
{
    [Fact]
    public void Tests_two_proportions_with_a_pooled_z()
    {
        var (z, p) = ExperimentStatistics.TwoProportionTest(100, 1000, 130, 1000);
        Assert.Equal(2.1027406056, z, 6);
        Assert.Equal(0.0354884505, p, 5);

        var (zDown, pDown) = ExperimentStatistics.TwoProportionTest(45, 500, 38, 480);
        Assert.Equal(-0.6088993315, zDown, 6);
        Assert.Equal(0.5425911674, pDown, 5);
    }

    [Fact]
    public void Gives_the_probability_that_a_variant_beats_control_from_Beta_posteriors()
    {
        Assert.Equal(0.9821650661, ExperimentStatistics.ProbabilityToBeat(100, 1000, 130, 1000), 6);
        Assert.Equal(0.3098809566, ExperimentStatistics.ProbabilityToBeat(20, 200, 18, 210), 6);
        Assert.Equal(0.5, ExperimentStatistics.ProbabilityToBeat(10, 100, 10, 100), 6);
    }

    [Fact]
    public void Gives_the_equal_tailed_95_percent_credible_interval()
    {
        var (low, high) = ExperimentStatistics.CredibleInterval(30, 300);

        Assert.Equal(0.0710558412, low, 6);
        Assert.Equal(0.1392195949, high, 6);
    }

    [Fact]
    public void Flags_a_sample_ratio_mismatch_with_the_chi_square_p_value()
    {
        // 5,100 / 4,900 on a 50/50 split: chi-square 4.0 on one degree of freedom.
        Assert.Equal(0.0455002639, ExperimentStatistics.SampleRatioMismatchPValue([5100, 4900], [0.5, 0.5]), 6);
        Assert.Equal(0.0443708364, ExperimentStatistics.SampleRatioMismatchPValue([1000, 1050, 950, 300], [0.3, 0.3, 0.3, 0.1]), 6);
        Assert.Equal(1.0, ExperimentStatistics.SampleRatioMismatchPValue([500, 500], [0.5, 0.5]), 9);
    }

    [Fact]
    public void Gives_the_minimum_detectable_effect_at_80_percent_power_and_5_percent_significance()
    {
        Assert.Equal(0.0885939035, ExperimentStatistics.MinimumDetectableEffect(0.1, 900, 100), 5);
        Assert.True(ExperimentStatistics.MinimumDetectableEffect(0.1, 9000, 1000) < ExperimentStatistics.MinimumDetectableEffect(0.1, 900, 100));
        Assert.Equal(1, ExperimentStatistics.MinimumDetectableEffect(0.1, 0, 100));
    }
}
