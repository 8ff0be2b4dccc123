using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Actionlytics.Data.Store;

/// <summary>
/// How SQLite stores instants and days: as integers (Unix milliseconds, days since 1970-01-01), so they sort,
/// compare and subtract in SQL as fast as any integer. PostgreSQL keeps its native timestamptz and date.
/// </summary>
public static class StoreConverters
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long ToUnixMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static int ToEpochDay(DateOnly day) => day.DayNumber - EpochDayNumber;

    public static DateOnly FromEpochDay(int epochDay) => DateOnly.FromDayNumber(epochDay + EpochDayNumber);

    public sealed class InstantToUnixMilliseconds() : ValueConverter<DateTimeOffset, long>(
        instant => ToUnixMilliseconds(instant), milliseconds => FromUnixMilliseconds(milliseconds));

    public sealed class DayToEpochDay() : ValueConverter<DateOnly, int>(
        day => ToEpochDay(day), epochDay => FromEpochDay(epochDay));
}
