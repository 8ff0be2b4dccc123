namespace Actionlytics.Core.Activity;

/// <summary>
/// One member's activity on one community-local day: how many events, by action. Maintained on ingest so
/// analytics read one row per active member-day instead of every event (an active day is a row here).
/// Custom actions are counted together in <see cref="OtherActions"/>; their detail stays in the events.
/// </summary>
public sealed class MemberDay
{
    public int CommunityId { get; set; }

    public DateOnly Day { get; set; }

    public long MemberId { get; set; }

    /// <summary>All events of the day, whatever the action.</summary>
    public int Events { get; set; }

    public int Logins { get; set; }

    public int Downloads { get; set; }

    public int QuizAnswers { get; set; }

    public int BadgesEarned { get; set; }

    public int VideoViews { get; set; }

    public int Contributions { get; set; }

    /// <summary>Events of custom actions.</summary>
    public int OtherActions { get; set; }
}
