using Actionlytics.Core.Communities;

namespace Actionlytics.Core.Tests;

public class CommunityCalendarTests
{
    [Fact]
    public void Puts_a_late_evening_UTC_event_on_the_next_day_in_Paris()
    {
        var paris = new CommunityCalendar("Europe/Paris");
        var utc = new CommunityCalendar("UTC");
        var lateEvening = new DateTimeOffset(2026, 1, 10, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 1, 11), paris.DayOf(lateEvening));
        Assert.Equal(new DateOnly(2026, 1, 10), utc.DayOf(lateEvening));
    }

    [Fact]
    public void Follows_daylight_saving_changes()
    {
        var paris = new CommunityCalendar("Europe/Paris");

        // 22:30 UTC is 23:30 in winter (same day) and 00:30 the next day in summer.
        Assert.Equal(new DateOnly(2026, 3, 1), paris.DayOf(new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 2), paris.DayOf(new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Agrees_with_TimeZoneInfo_over_a_whole_year_hour_by_hour()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var calendar = new CommunityCalendar("America/New_York");
        for (var at = new DateTimeOffset(2026, 1, 1, 0, 17, 0, TimeSpan.Zero); at.Year == 2026; at = at.AddMinutes(59))
        {
            Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime), calendar.DayOf(at));
        }
    }

    [Fact]
    public void Rejects_an_unknown_zone_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new CommunityCalendar("Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message);
        Assert.False(CommunityCalendar.IsKnownZone("Mars/Olympus"));
        Assert.True(CommunityCalendar.IsKnownZone("Europe/Rome"));
    }
}
