using Actionlytics.Core.Analytics;
using Actionlytics.Core.Campaigns;

namespace Actionlytics.Campaigns.Drafting;

/// <summary>A draft with everything a campaign is made from: the proposal shown to the manager, the variants' messages in every language, and the audience with its groups.</summary>
public sealed record CampaignDraft(
    CampaignProposal Proposal,
    DeliveryChannel Channel,
    string? GoalAction,
    double HoldoutShare,
    int Seed,
    IReadOnlyList<CampaignVariantSpec> Variants,
    IReadOnlyList<(MemberScore Member, string Group)> Audience);
