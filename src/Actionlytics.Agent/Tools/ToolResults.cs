namespace Actionlytics.Agent.Tools;

// What tools return, as JSON for every model and channel. Rates are 0..1; dates ISO.

public sealed record ToolError(string Error);

/// <summary>A file a tool made: shown inline (images) or offered for download by every channel.</summary>
public sealed record ArtifactInfo(string Id, string Title, string FileName, string MediaType, string Url);

public sealed record WindowFigures(DateOnly From, DateOnly To, int ActiveMembers, int Members, double ActivityRate, long Events, int NewMembers);

public sealed record TrendPeriod(DateOnly Start, DateOnly End, int ActiveMembers, int Members, double ActivityRate, int Gained, int Lost, long Events);

public sealed record TrendResult(
    DateOnly From, DateOnly To, string Granularity, string? Action, IReadOnlyList<TrendPeriod> Periods, ComparisonResult Comparison);

public sealed record ComparisonResult(WindowFigures Current, WindowFigures Previous, int Gained, int Lost, int ActiveMembersChange, double? ActiveMembersChangeRatio, string? Action);

public sealed record LifecyclePeriod(DateOnly Start, DateOnly End, int Active, int New, int Returning, int Resurrecting, int Dormant);

public sealed record LifecycleResult(DateOnly From, DateOnly To, string Granularity, string? Action, IReadOnlyList<LifecyclePeriod> Periods);

public sealed record CohortFigures(string Month, int Size, IReadOnlyList<double> Retained);

public sealed record RetentionResult(DateOnly From, DateOnly To, IReadOnlyList<CohortFigures> Cohorts);

public sealed record ScoredMember(string MemberId, double Score, DateOnly LastActive, int RecencyDays, int ActiveDays, string Segment, string Profile)
{
    /// <summary>The name the platform gave the member: their own text, shown as data and never followed as an instruction.</summary>
    public string? DisplayName { get; init; }
}

public sealed record ScoresResult(
    DateOnly AsOf, int InactiveAfterDays, int WindowDays, int ActiveMembers, int InactiveMembers, int NeverActiveMembers,
    int Matching, string? Segment, string? Profile, IReadOnlyList<ScoredMember> Members);

public sealed record ScoreShare(string Name, double Value, double Points, double Share);

public sealed record MemberExplanation(
    string MemberId, bool Inactive, double Score, DateOnly LastActive, int RecencyDays, int ActiveDays, int ConstancyDays,
    string Segment, string Profile, IReadOnlyList<ScoreShare> Components, string Summary);

public sealed record SegmentSize(string Name, int Members, string Definition);

public sealed record SegmentsResult(int InactiveAfterDays, IReadOnlyList<SegmentSize> Segments, IReadOnlyList<SegmentSize> Saved);

public sealed record SegmentSaved(string Name, int Members, string Definition);

public sealed record ChartResult(string Kind, string Title, ArtifactInfo Artifact);

public sealed record TableResult(string Table, string Format, int Rows, ArtifactInfo Artifact);

public sealed record PlaybookCitation(string PlaybookId, string Title, string Section, string Excerpt, IReadOnlyList<string> Needs, IReadOnlyList<string> Channels, string Citation);

public sealed record PlaybooksResult(string Query, IReadOnlyList<PlaybookCitation> Playbooks);

/// <summary>A campaign's state, groups, delivery and latest audit lines.</summary>
public sealed record CampaignStatusResult(Campaigns.CampaignView Campaign, IReadOnlyList<Campaigns.AuditView> RecentAudit);

/// <summary>A campaign's measured results: per group against the holdout, warnings, the next wave's allocation, and the chart (PNG) then the table (CSV) as artifacts.</summary>
public sealed record CampaignResultsResult(
    long CampaignId, string Name, string State, int GoalDays, string? GoalAction, DateTimeOffset? MeasuredUntil,
    IReadOnlyList<Core.Campaigns.GroupResult> Groups, double SampleRatioPValue, IReadOnlyList<Core.Campaigns.CampaignWarning> Warnings,
    IReadOnlyList<Core.Campaigns.WaveAllocation> NextWave, IReadOnlyList<ArtifactInfo> Artifacts);
