using System.Globalization;

namespace Actionlytics.Core.Analytics;

/// <summary>How activity is bucketed over time.</summary>
public enum Granularity
{
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

/// <summary>A period of days, both ends included. <see cref="Partial"/> when the window cut it short.</summary>
public sealed record Period(DateOnly Start, DateOnly End, Granularity Granularity, bool Partial = false)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>2026-03-02, 2026-W10 or 2026-03.</summary>
    public string Label => Granularity switch
    {
        Granularity.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Granularity.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>Cuts windows of days into periods.</summary>
public static class Periods
{
    /// <summary>The whole period of <paramref name="granularity"/> that contains <paramref name="day"/>.</summary>
    public static Period Containing(DateOnly day, Granularity granularity)
    {
        switch (granularity)
        {
            case Granularity.Day:
                return new Period(day, day, granularity);
            case Granularity.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new Period(monday, monday.AddDays(6), granularity);
            default:
                var first = new DateOnly(day.Year, day.Month, 1);
                return new Period(first, first.AddMonths(1).AddDays(-1), granularity);
        }
    }

    /// <summary>The periods covering [from, to], the first and last cut to the window (and then marked partial).</summary>
    public static IReadOnlyList<Period> Between(DateOnly from, DateOnly to, Granularity granularity)
    {
        if (to < from)
        {
            throw new AnalyticsArgumentException($"The window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }
        if (to.DayNumber - from.DayNumber + 1 > ScoreParameters.MaxDays)
        {
            throw new AnalyticsArgumentException($"The window is longer than {ScoreParameters.MaxDays} days (10 years).");
        }
        var periods = new List<Period>();
        for (var day = from; day <= to;)
        {
            var whole = Containing(day, granularity);
            var start = whole.Start < from ? from : whole.Start;
            var end = whole.End > to ? to : whole.End;
            periods.Add(new Period(start, end, granularity, start != whole.Start || end != whole.End));
            day = whole.End.AddDays(1);
        }
        return periods;
    }

    /// <summary>The whole period before the one containing <paramref name="day"/>.</summary>
    public static Period Before(DateOnly day, Granularity granularity) => Containing(Containing(day, granularity).Start.AddDays(-1), granularity);

    public static Granularity Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "week" or "weekly" or "w" => Granularity.Week,
        "day" or "daily" or "d" => Granularity.Day,
        "month" or "monthly" or "m" => Granularity.Month,
        _ => throw new AnalyticsArgumentException($"Granularity '{text}' is not day, week or month."),
    };
}
