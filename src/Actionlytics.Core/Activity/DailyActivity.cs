namespace Actionlytics.Core.Activity;

/// <summary>
/// How many events of one action a member had on one community-local day. Maintained on ingest so that
/// analytics read one row per member, day and action instead of every event.
/// </summary>
public sealed class DailyActivity
{
    public int CommunityId { get; set; }

    public long MemberId { get; set; }

    public DateOnly Day { get; set; }

    public required string Action { get; set; }

    public int EventCount { get; set; }
}
