namespace Actionlytics.Core.Activity;

/// <summary>A community's event totals on one day, by action: maintained on ingest so trends never add up member-days.</summary>
public sealed class CommunityDay
{
    public int CommunityId { get; set; }

    public DateOnly Day { get; set; }

    public long Events { get; set; }

    public long Logins { get; set; }

    public long Downloads { get; set; }

    public long QuizAnswers { get; set; }

    public long BadgesEarned { get; set; }

    public long VideoViews { get; set; }

    public long Contributions { get; set; }

    public long OtherActions { get; set; }
}
