namespace Actionlytics.Core.Analytics;

/// <summary>
/// How much each component counts in the inactivity score. Only the ratios matter (they are normalised).
/// Defaults: recency 0.5, constancy 0.25, frequency 0.25: how recently a member left matters most for how easily they come back.
/// </summary>
public sealed record ScoreWeights(double Recency = 0.5, double Constancy = 0.25, double Frequency = 0.25)
{
    public static ScoreWeights Default { get; } = new();

    public double Total => Recency + Constancy + Frequency;

    public void Validate()
    {
        if (Recency < 0 || Constancy < 0 || Frequency < 0 || !double.IsFinite(Total))
        {
            throw new AnalyticsArgumentException("Score weights must be zero or positive numbers.");
        }
        if (Total <= 0)
        {
            throw new AnalyticsArgumentException("At least one score weight must be above zero.");
        }
    }
}
