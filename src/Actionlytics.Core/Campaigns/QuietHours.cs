namespace Actionlytics.Core.Campaigns;

/// <summary>
/// Hours of the member's local day when no message is sent (default 21:00 to 08:00). A window may wrap past midnight;
/// equal start and end mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool Contains(TimeOnly local) => Start != End && (Start < End ? local >= Start && local < End : local >= Start || local < End);

    /// <summary><paramref name="now"/> if it is outside quiet hours in <paramref name="zone"/>, else the end of the quiet hours.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return now;
        }
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }
        var endLocal = endDate.ToDateTime(End);
        // Daylight-saving gaps: an end time that does not exist that day moves on by the gap.
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(30);
        }
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
