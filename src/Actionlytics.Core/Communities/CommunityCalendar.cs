namespace Actionlytics.Core.Communities;

/// <summary>
/// Maps instants to the calendar days of a community's time zone. Every analytic counts in these days,
/// so an event at 23:30 UTC belongs to the next day in Paris.
/// </summary>
public sealed class CommunityCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly bool _isUtc;

    // Offsets change rarely (twice a year at most), so remember the offset of each UTC hour seen.
    private readonly Dictionary<long, TimeSpan> _offsetByUtcHour = [];

    public CommunityCalendar(string timeZoneId)
    {
        _zone = ResolveZone(timeZoneId);
        _isUtc = _zone.BaseUtcOffset == TimeSpan.Zero && !_zone.SupportsDaylightSavingTime;
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>The community-local calendar day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        if (_isUtc)
        {
            return DateOnly.FromDayNumber((int)(utcTicks / TimeSpan.TicksPerDay));
        }

        var hour = utcTicks / TimeSpan.TicksPerHour;
        if (!_offsetByUtcHour.TryGetValue(hour, out var offset))
        {
            offset = _zone.GetUtcOffset(new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc));
            if (_offsetByUtcHour.Count > 100_000)
            {
                _offsetByUtcHour.Clear();
            }
            _offsetByUtcHour[hour] = offset;
        }

        return DateOnly.FromDayNumber((int)((utcTicks + offset.Ticks) / TimeSpan.TicksPerDay));
    }

    /// <summary>The instant a local wall-clock time in this zone stands for (the later one when it is ambiguous).</summary>
    public DateTimeOffset InstantOf(DateTime localWallClock)
    {
        var unspecified = DateTime.SpecifyKind(localWallClock, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            // A wall-clock time skipped by a daylight-saving jump: read it with the offset in force before the jump.
            unspecified = unspecified.AddHours(1);
        }
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified));
    }

    /// <summary>Whether the id names a time zone this machine knows (IANA ids such as <c>Europe/Paris</c>).</summary>
    public static bool IsKnownZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return false;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
    }

    private static TimeZoneInfo ResolveZone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            ? zone
            : throw new ArgumentException($"Unknown time zone '{timeZoneId}'. Use an IANA id such as 'Europe/Paris' or 'UTC'.", nameof(timeZoneId));
}
