namespace Actionlytics.Campaigns;

/// <summary>
/// Tells people about a campaign where they work (Teams today): a draft waiting for their approval, every later
/// change to the cards they were shown, and the results once final. Notifiers run after the change is committed, in
/// a scope of their own; a notifier that fails is logged and never undoes or blocks the change.
/// </summary>
public interface ICampaignNotifier
{
    /// <summary>A campaign waits for approval: tell the community's managers other than <paramref name="requestedBy"/>.</summary>
    Task ApprovalRequestedAsync(CampaignView campaign, string requestedBy, CancellationToken cancellationToken);

    /// <summary>A campaign was edited, approved or rejected: every copy of its card should show it as it is now.</summary>
    Task CampaignChangedAsync(CampaignView campaign, CancellationToken cancellationToken);

    /// <summary>A campaign's goal window closed: its results are final, tell the community's managers.</summary>
    Task CampaignConcludedAsync(CampaignView campaign, CancellationToken cancellationToken);
}
