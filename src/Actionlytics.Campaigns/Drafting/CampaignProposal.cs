namespace Actionlytics.Campaigns.Drafting;

/// <summary>A variant as proposed: its need, tone, cited playbook, its English message (as shown to the manager) and its group's size.</summary>
public sealed record ProposedVariant(string Name, string Need, string Channel, string Tone, string PlaybookId, string Citation, string Subject, string Body, int GroupSize);

/// <summary>A drafted campaign as a manager reviews it: audience, groups, baseline, detectable effect and variants.</summary>
public sealed record CampaignProposal(
    string Segment, string? Profile, int Audience, int Holdout, int GoalDays, double BaselineRate, double MinimumDetectableEffect,
    IReadOnlyList<ProposedVariant> Variants, IReadOnlyList<string> SampleMembers)
{
    /// <summary>For a saved segment: its members who have been active since it was saved, left out of the audience.</summary>
    public int? SavedMembersActiveAgain { get; init; }

    /// <summary>The saved campaign awaiting approval, once it is saved.</summary>
    public long? CampaignId { get; init; }

    /// <summary>The version a manager approves.</summary>
    public int? Version { get; init; }

    /// <summary>For a next wave: the campaign it follows and the per-profile shares its variants get, with the record they rest on.</summary>
    public long? PreviousWave { get; init; }

    public IReadOnlyList<Core.Campaigns.WaveAllocation>? Allocation { get; init; }
}
