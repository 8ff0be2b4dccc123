namespace Actionlytics.Campaigns;

/// <summary>
/// Tells people about a campaign where they work (Teams today): a draft waiting for their approval. Notifiers run
/// after the change is committed; a notifier that fails is logged and never undoes or blocks the change.
/// </summary>
public interface ICampaignNotifier
{
    /// <summary>A campaign waits for approval: tell the community's managers other than <paramref name="requestedBy"/>.</summary>
    Task ApprovalRequestedAsync(CampaignView campaign, string requestedBy, CancellationToken cancellationToken);
}
