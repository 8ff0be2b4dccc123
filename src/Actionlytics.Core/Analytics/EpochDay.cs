namespace Actionlytics.Core.Analytics;

/// <summary>Days as integers since 1970-01-01, the unit the analytics count in.</summary>
public static class EpochDay
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static int From(DateOnly day) => day.DayNumber - EpochDayNumber;

    public static DateOnly ToDate(int epochDay) => DateOnly.FromDayNumber(epochDay + EpochDayNumber);
}
