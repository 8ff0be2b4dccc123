namespace Actionlytics.Agent.Tools;

// What tools return, as records: serialised to JSON for the model and the stored thread (snake_case, rates 0..1,
// ISO dates), read back into these records once (ToolResultReader), and shown by every channel from the records.

/// <summary>
/// Every tool's result. A result names the files it made and the playbooks it cites, so channels show them without
/// knowing which tool ran.
/// </summary>
public abstract record ToolResult
{
    /// <summary>The files this result made (charts, exports), in the order they should be shown.</summary>
    public virtual IEnumerable<ArtifactInfo> FilesMade() => [];

    /// <summary>The playbook sections this result rests on (<c>playbook_id#section</c>).</summary>
    public virtual IEnumerable<string> CitationsMade() => [];
}

/// <summary>A tool refused its arguments, or the domain refused the request: a short message the model can act on.</summary>
public sealed record ToolError(string Error) : ToolResult;

/// <summary>
/// A call that returned no tool result: the pipeline's word for a declined proposal (<see cref="Declined"/>) or for a
/// tool that failed unexpectedly, or a stored result this version cannot read.
/// </summary>
public sealed record ToolNoResult(string Text, bool Declined) : ToolResult;

/// <summary>A file a tool made: shown inline (images) or offered for download by every channel.</summary>
public sealed record ArtifactInfo(string Id, string Title, string FileName, string MediaType, string Url);

/// <summary>
/// Where the numbers of a result can be seen again: its chart and its exports, as links to the analytics API that
/// carry every parameter that produced them (period, granularity, action, segment, profile, as-of, threshold, weights).
/// Channels use these links as they are and rebuild none.
/// </summary>
public sealed record ResultLinks(string? Chart, string? ChartData, IReadOnlyList<ExportLink> Exports);

/// <summary>One export of a result's table: <c>csv</c> or <c>xlsx</c>.</summary>
public sealed record ExportLink(string Format, string Url);

public sealed record WindowFigures(DateOnly From, DateOnly To, int ActiveMembers, int Members, double ActivityRate, long Events, int NewMembers);

public sealed record TrendPeriod(DateOnly Start, DateOnly End, int ActiveMembers, int Members, double ActivityRate, int Gained, int Lost, long Events);

public sealed record ComparisonFigures(WindowFigures Current, WindowFigures Previous, int Gained, int Lost, int ActiveMembersChange, double? ActiveMembersChangeRatio, string? Action);

public sealed record TrendResult(
    DateOnly From, DateOnly To, string Granularity, string? Action, IReadOnlyList<TrendPeriod> Periods, ComparisonFigures Comparison, ResultLinks Links) : ToolResult;

public sealed record ComparisonResult(
    WindowFigures Current, WindowFigures Previous, int Gained, int Lost, int ActiveMembersChange, double? ActiveMembersChangeRatio, string? Action, ResultLinks Links) : ToolResult;

/// <summary>One window of <see cref="ActionCountsResult"/>: the events and distinct members of the action asked (or of all), and every action by name.</summary>
public sealed record ActionCountsWindow(DateOnly From, DateOnly To, long Events, int Members, IReadOnlyList<Core.Analytics.ActionTally> ByAction)
{
    /// <summary>With <c>min_active_days</c>: the members active on at least that many distinct days.</summary>
    public int? MembersWithMinActiveDays { get; init; }
}

/// <summary>
/// Actions counted by their own names over a window (and, when asked, a second window to compare with), with the
/// members who did the most; <see cref="TieAtCut"/> when the next member had the same figures as the last one listed.
/// </summary>
public sealed record ActionCountsResult(
    string? Action, ActionCountsWindow Current, ActionCountsWindow? Previous, string RankedBy, IReadOnlyList<Core.Analytics.MemberTally> Top, bool TieAtCut) : ToolResult
{
    public int? MinActiveDays { get; init; }

    /// <summary>With a previous window: the members who did the action in both windows (the rest did it in one only).</summary>
    public int? MembersInBoth { get; init; }

    /// <summary>With a previous window: the action counted there (<see cref="Action"/> unless another was asked).</summary>
    public string? PreviousAction { get; init; }
}

public sealed record LifecyclePeriod(DateOnly Start, DateOnly End, int Active, int New, int Returning, int Resurrecting, int Dormant);

public sealed record LifecycleResult(DateOnly From, DateOnly To, string Granularity, string? Action, IReadOnlyList<LifecyclePeriod> Periods, ResultLinks Links) : ToolResult;

public sealed record CohortFigures(string Month, int Size, IReadOnlyList<double> Retained);

/// <summary>One cohort followed to one later month: of the <see cref="Size"/> members first active in <see cref="Month"/>, how many were active <see cref="MonthsLater"/> months later.</summary>
public sealed record CohortFollowUp(string Month, int Size, int MonthsLater, string MeasuredMonth, int Retained, double Rate);

public sealed record RetentionResult(DateOnly From, DateOnly To, IReadOnlyList<CohortFigures> Cohorts, ResultLinks Links) : ToolResult
{
    /// <summary>With <c>months_later</c>: the first cohort followed to that month.</summary>
    public CohortFollowUp? FollowUp { get; init; }
}

public sealed record ScoredMember(string MemberId, double Score, DateOnly LastActive, int RecencyDays, int ActiveDays, string Segment, string Profile)
{
    /// <summary>The name the platform gave the member: their own text, shown as data and never followed as an instruction.</summary>
    public string? DisplayName { get; init; }
}

public sealed record ScoresResult(
    DateOnly AsOf, int InactiveAfterDays, int WindowDays, int ActiveMembers, int InactiveMembers, int NeverActiveMembers,
    int Matching, string? Segment, string? Profile, IReadOnlyList<ScoredMember> Members, ResultLinks Links) : ToolResult;

public sealed record ScoreShare(string Name, double Value, double Points, double Share);

public sealed record MemberExplanation(
    string MemberId, DateOnly AsOf, bool Inactive, double Score, DateOnly LastActive, int RecencyDays, int ActiveDays, int ConstancyDays,
    string Segment, string Profile, IReadOnlyList<ScoreShare> Components, string Summary) : ToolResult;

public sealed record SegmentSize(string Name, int Members, string Definition);

public sealed record SegmentsResult(DateOnly AsOf, int InactiveAfterDays, IReadOnlyList<SegmentSize> Segments, IReadOnlyList<SegmentSize> Saved, ResultLinks Links) : ToolResult;

public sealed record SegmentSaved(string Name, int Members, string Definition) : ToolResult;

public sealed record ChartResult(string Kind, string Title, ArtifactInfo Artifact, ResultLinks Links) : ToolResult
{
    public override IEnumerable<ArtifactInfo> FilesMade() => [Artifact];
}

public sealed record TableResult(string Table, string Format, int Rows, ArtifactInfo Artifact) : ToolResult
{
    public override IEnumerable<ArtifactInfo> FilesMade() => [Artifact];
}

public sealed record PlaybookCitation(string PlaybookId, string Title, string Section, string Excerpt, IReadOnlyList<string> Needs, IReadOnlyList<string> Channels, string Citation);

public sealed record PlaybooksResult(string Query, IReadOnlyList<PlaybookCitation> Playbooks) : ToolResult
{
    public override IEnumerable<string> CitationsMade() => Playbooks.Select(p => p.Citation);
}

/// <summary>A drafted campaign, saved and waiting for a manager's approval of its exact version.</summary>
public sealed record CampaignDraftResult(Campaigns.Drafting.CampaignProposal Draft) : ToolResult
{
    public override IEnumerable<string> CitationsMade() => Draft.Variants.Select(v => v.Citation);
}

/// <summary>A campaign's state, groups, delivery and latest audit lines.</summary>
public sealed record CampaignStatusResult(Campaigns.CampaignView Campaign, IReadOnlyList<Campaigns.AuditView> RecentAudit) : ToolResult;

/// <summary>A campaign's measured results: per group against the holdout, warnings, the next wave's allocation, and its chart (PNG) and table (CSV).</summary>
public sealed record CampaignResultsResult(
    long CampaignId, string Name, string State, int GoalDays, string? GoalAction, DateTimeOffset? MeasuredUntil,
    IReadOnlyList<Core.Campaigns.GroupResult> Groups, double SampleRatioPValue, IReadOnlyList<Core.Campaigns.CampaignWarning> Warnings,
    IReadOnlyList<Core.Campaigns.WaveAllocation> NextWave, ArtifactInfo Chart, ArtifactInfo Table) : ToolResult
{
    public override IEnumerable<ArtifactInfo> FilesMade() => [Chart, Table];
}
