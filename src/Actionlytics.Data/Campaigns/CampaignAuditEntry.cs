using Actionlytics.Core.Campaigns;

namespace Actionlytics.Data.Campaigns;

/// <summary>One thing that happened to a campaign: who, when, on which version, from which state to which.</summary>
public sealed class CampaignAuditEntry
{
    public long Id { get; init; }

    public long CampaignId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary>What was done: <c>drafted</c>, <c>edited</c>, <c>approved</c>, <c>rejected</c>, <c>scheduled</c>...</summary>
    public required string Action { get; init; }

    public CampaignState? FromState { get; init; }

    public CampaignState ToState { get; init; }

    public int Version { get; init; }

    public string? Detail { get; init; }
}
