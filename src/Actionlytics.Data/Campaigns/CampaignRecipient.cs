namespace Actionlytics.Data.Campaigns;

/// <summary>A member of a campaign's audience as snapshotted at drafting: their group and what it was stratified on.</summary>
public sealed class CampaignRecipient
{
    public long Id { get; init; }

    public long CampaignId { get; init; }

    /// <summary>The store's member key.</summary>
    public long MemberId { get; init; }

    /// <summary>The platform's member id.</summary>
    public required string ExternalId { get; init; }

    /// <summary>A variant's name, or <c>holdout</c>.</summary>
    public required string Group { get; init; }

    public required string Profile { get; init; }

    public double Score { get; init; }

    /// <summary>The member's last active day when the campaign was drafted.</summary>
    public DateOnly LastActiveDate { get; init; }

    public int LifetimeActiveDays { get; init; }
}
