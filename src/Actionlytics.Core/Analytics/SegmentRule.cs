namespace Actionlytics.Core.Analytics;

/// <summary>
/// A named group of inactive members, by how long past the threshold they left and how active they were.
/// Bounds left empty do not constrain. Rules are tried in order; the first that matches names the segment.
/// </summary>
public sealed class SegmentRule
{
    public string Name { get; set; } = "";

    /// <summary>What the segment means, for managers and for the agent.</summary>
    public string Description { get; set; } = "";

    /// <summary>Least days past the inactivity threshold (recency minus threshold).</summary>
    public int? MinDaysPastThreshold { get; set; }

    public int? MaxDaysPastThreshold { get; set; }

    /// <summary>Least active days in the window.</summary>
    public int? MinActiveDays { get; set; }

    public int? MaxActiveDays { get; set; }

    /// <summary>Most active days ever, up to the as-of day.</summary>
    public int? MaxLifetimeActiveDays { get; set; }

    public bool Matches(int daysPastThreshold, int activeDays, int lifetimeActiveDays) =>
        daysPastThreshold >= (MinDaysPastThreshold ?? int.MinValue)
        && daysPastThreshold <= (MaxDaysPastThreshold ?? int.MaxValue)
        && activeDays >= (MinActiveDays ?? int.MinValue)
        && activeDays <= (MaxActiveDays ?? int.MaxValue)
        && lifetimeActiveDays <= (MaxLifetimeActiveDays ?? int.MaxValue);
}
