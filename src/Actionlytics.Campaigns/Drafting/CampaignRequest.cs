namespace Actionlytics.Campaigns.Drafting;

/// <summary>What a manager asks for when drafting a campaign. Nulls take the defaults.</summary>
/// <param name="Segment">A segment of the scoring, or a saved segment's name; null: every inactive member.</param>
/// <param name="Variants">2 to 8 (default 3).</param>
/// <param name="Need">One need for every variant; null: the variants cycle through competence, relatedness, autonomy.</param>
/// <param name="Channel">email (default), teams or webhook.</param>
/// <param name="GoalDays">A return within this many days of the message counts (default 14).</param>
/// <param name="GoalAction">The action that counts as a return; null: any action.</param>
/// <param name="HoldoutShare">The control group's share (default 0.10).</param>
/// <param name="NextWaveOf">A sent campaign whose next wave this is: its variants and settings, its segment unless another
/// is named, members it has not reached yet, each profile's members allocated to the variants by Thompson sampling on its results.</param>
public sealed record CampaignRequest(
    string? Segment = null,
    string? Profile = null,
    int? Variants = null,
    string? Need = null,
    string? Channel = null,
    int? GoalDays = null,
    string? GoalAction = null,
    double? HoldoutShare = null,
    string? Name = null,
    long? NextWaveOf = null);
