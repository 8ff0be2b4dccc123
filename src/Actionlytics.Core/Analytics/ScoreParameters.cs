namespace Actionlytics.Core.Analytics;

/// <summary>
/// What an inactivity scoring looks at: the day it is computed as of (events after it are ignored), the window
/// of days before it, and the number of days without activity after which a member counts as inactive.
/// </summary>
public sealed record ScoreParameters(DateOnly AsOf, int WindowDays, int InactiveAfterDays, ScoreWeights Weights)
{
    /// <summary>Default window: half a year shows both how regular a member was and when they stopped.</summary>
    public const int DefaultWindowDays = 180;

    public const int MaxDays = 3650;

    /// <summary>First day of the window [D-W+1, D].</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - WindowDays);

    /// <summary>Days of the window in which an inactive member can have been active: W - I (at least 1).</summary>
    public int ActiveSpanDays => Math.Max(1, WindowDays - InactiveAfterDays);

    public void Validate()
    {
        if (WindowDays is < 1 or > MaxDays)
        {
            throw new AnalyticsArgumentException($"The window must be between 1 and {MaxDays} days (10 years); got {WindowDays}.");
        }
        if (InactiveAfterDays is < 1 or > MaxDays)
        {
            throw new AnalyticsArgumentException($"The inactivity threshold must be between 1 and {MaxDays} days; got {InactiveAfterDays}.");
        }
        ArgumentNullException.ThrowIfNull(Weights);
        Weights.Validate();
    }
}
