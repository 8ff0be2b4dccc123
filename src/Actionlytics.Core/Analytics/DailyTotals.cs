using Actionlytics.Core.Activity;

namespace Actionlytics.Core.Analytics;

/// <summary>A day's event totals as an array: all events, the six known actions in <see cref="ActionNames.Known"/> order, other.</summary>
public static class DailyTotals
{
    public const int Slots = 8;

    /// <summary>Names of the slots after the first (all events), for tables and charts.</summary>
    public static IReadOnlyList<string> ActionSlots { get; } = [.. ActionNames.Known, "other"];

    public static void Add(long[] totals, ActionCounts counts)
    {
        ArgumentNullException.ThrowIfNull(totals);
        totals[0] += counts.Events;
        totals[1] += counts.Logins;
        totals[2] += counts.Downloads;
        totals[3] += counts.QuizAnswers;
        totals[4] += counts.BadgesEarned;
        totals[5] += counts.VideoViews;
        totals[6] += counts.Contributions;
        totals[7] += counts.OtherActions;
    }
}
