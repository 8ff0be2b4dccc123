using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Holds_a_message_due_at_night_in_the_members_zone_until_the_morning()
    {
        // 22:30 UTC is 23:30 in Paris in winter: quiet until 08:00 Paris, 07:00 UTC.
        var next = QuietHours.Default.NextAllowed(new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero), Paris);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Sends_at_once_outside_quiet_hours_and_handles_early_morning()
    {
        var noon = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(noon, QuietHours.Default.NextAllowed(noon, Paris));
        var early = new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero); // 06:00 Paris
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero), QuietHours.Default.NextAllowed(early, Paris));
    }

    [Fact]
    public void Equal_start_and_end_mean_no_quiet_hours()
    {
        var night = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(night, QuietHours.None.NextAllowed(night, Paris));
    }

    [Fact]
    public void Uses_the_summer_offset_on_a_summer_morning()
    {
        // 21:30 UTC on 1 July is 23:30 in Paris (UTC+2): quiet until 08:00 Paris, 06:00 UTC.
        var next = QuietHours.Default.NextAllowed(new DateTimeOffset(2026, 7, 1, 21, 30, 0, TimeSpan.Zero), Paris);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 6, 0, 0, TimeSpan.Zero), next);
    }
}
