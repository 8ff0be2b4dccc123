namespace Actionlytics.Core.Analytics;

/// <summary>How activity evolved over a window, period by period, and the window against the one before it.</summary>
public sealed record ActivityTrend(
    DateOnly From,
    DateOnly To,
    Granularity Granularity,
    IReadOnlyList<TrendPoint> Points,
    WindowComparison Comparison);

/// <summary>
/// One period. Lifecycle, as product-analytics tools define it: <b>new</b> members were first active ever in the period;
/// <b>returning</b> ones were active in it and in the period before; <b>resurrecting</b> ones were active in it, not in
/// the period before, but earlier; <b>dormant</b> ones were active in the period before and not in this one.
/// So active = new + returning + resurrecting, gained = new + resurrecting, lost = dormant.
/// </summary>
/// <param name="Members">Members who had joined by the end of the period (join day, or first active day when unknown).</param>
/// <param name="ActivityRate">Active members / members, 0 when there is no member yet.</param>
/// <param name="EventsByAction">Events of the period: all, then login, download, quiz_answer, badge_earned, video_view, contribution, other.</param>
public sealed record TrendPoint(
    Period Period,
    int ActiveMembers,
    int Members,
    double ActivityRate,
    int Gained,
    int Lost,
    int New,
    int Returning,
    int Resurrecting,
    int Dormant,
    IReadOnlyList<long> EventsByAction);

/// <summary>A window seen as one block.</summary>
public sealed record WindowSummary(DateOnly From, DateOnly To, int ActiveMembers, int Members, double ActivityRate, long Events, int NewMembers);

/// <summary>The window against the previous window of the same length: gained were active now and not before, lost the reverse.</summary>
public sealed record WindowComparison(WindowSummary Current, WindowSummary Previous, int Gained, int Lost)
{
    public int ActiveMembersChange => Current.ActiveMembers - Previous.ActiveMembers;

    /// <summary>Relative change of active members (0.1 = +10%); null when there were none before.</summary>
    public double? ActiveMembersChangeRatio => Previous.ActiveMembers == 0 ? null : (double)ActiveMembersChange / Previous.ActiveMembers;

    public double ActivityRateChange => Current.ActivityRate - Previous.ActivityRate;
}

/// <summary>The numbers of a trend that can be opened into the members behind them.</summary>
public enum TrendMetric
{
    Active,
    New,
    Returning,
    Resurrecting,
    Dormant,
    Gained,
    Lost,
    Members,
}
