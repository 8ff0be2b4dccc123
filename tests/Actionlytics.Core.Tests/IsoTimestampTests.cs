using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;

namespace Actionlytics.Core.Tests;

public class IsoTimestampTests
{
    [Theory]
    [InlineData("2026-03-01T08:15:00Z", "2026-03-01T08:15:00.0000000+00:00")]
    [InlineData("2026-03-01T08:15Z", "2026-03-01T08:15:00.0000000+00:00")]
    [InlineData("2026-03-01 08:15:00.5+01:00", "2026-03-01T07:15:00.5000000+00:00")]
    [InlineData("2026-03-01T08:15:00.123456-0530", "2026-03-01T13:45:00.1234560+00:00")]
    [InlineData("2026-03-01T08:15:00+02", "2026-03-01T06:15:00.0000000+00:00")]
    public void Parses_UTC_and_offset_timestamps_to_the_same_instant(string text, string expectedUtc)
    {
        Assert.Equal(IsoTimestamp.Result.Ok, IsoTimestamp.TryParse(text, null, out var instant));
        Assert.Equal(expectedUtc, instant.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-03-01 8h15")]
    [InlineData("01/03/2026 08:15")]
    [InlineData("2026-02-30T08:15:00Z")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-03-01T08:15:00Zjunk")]
    [InlineData("2026-03-01")]
    public void Rejects_what_is_not_an_ISO_timestamp(string text)
    {
        Assert.Equal(IsoTimestamp.Result.Malformed, IsoTimestamp.TryParse(text, null, out _));
    }

    [Fact]
    public void Refuses_a_timestamp_without_offset_unless_a_zone_is_assumed()
    {
        Assert.Equal(IsoTimestamp.Result.MissingOffset, IsoTimestamp.TryParse("2026-07-01T10:00:00", null, out _));

        var paris = new CommunityCalendar("Europe/Paris");
        Assert.Equal(IsoTimestamp.Result.Ok, IsoTimestamp.TryParse("2026-07-01T10:00:00", paris, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), instant); // summer time: UTC+2
    }
}
