namespace Actionlytics.Core.Campaigns;

/// <summary>Where a campaign is in its life. Only the transitions of <see cref="Campaign"/> move it.</summary>
public enum CampaignState
{
    Draft,
    PendingApproval,
    Approved,
    Rejected,
    Scheduled,
    Sending,
    Sent,
    Measuring,
    Concluded,
}
