namespace Actionlytics.Agent.Tools;

/// <summary>
/// Every tool the agent has, once: the only place a tool's name is written in C#. Adding a tool means an entry here,
/// its handler (<see cref="ToolHandlers"/>), its section in <c>prompts/agent/tools.md</c>, its answer template in
/// <c>prompts/agent/answers.*.md</c> (worded by the answer writer) and its view in <c>wwwroot/js/views.js</c>.
/// </summary>
public static class ToolCatalog
{
    /// <summary>The tools' names, as constants for the planner's and channels' switches.</summary>
    public static class Names
    {
        public const string ActivityTrend = "activity_trend";
        public const string ComparePeriods = "compare_periods";
        public const string Lifecycle = "lifecycle";
        public const string CountActions = "count_actions";
        public const string RetentionCohorts = "retention_cohorts";
        public const string InactivityScores = "inactivity_scores";
        public const string ExplainMember = "explain_member";
        public const string ListSegments = "list_segments";
        public const string CreateSegment = "create_segment";
        public const string RenderChart = "render_chart";
        public const string ExportTable = "export_table";
        public const string SearchPlaybooks = "search_playbooks";
        public const string DraftCampaign = "draft_campaign";
        public const string CampaignStatus = "campaign_status";
        public const string CampaignResults = "campaign_results";
    }

    public static IReadOnlyList<ToolEntry> All { get; } =
    [
        new ToolEntry<TrendArguments, TrendResult>(Names.ActivityTrend, ToolKind.Reads, "trend", (h, a, ct) => h.TrendAsync(a, ct)),
        new ToolEntry<CompareArguments, ComparisonResult>(Names.ComparePeriods, ToolKind.Reads, "comparison", (h, a, ct) => h.CompareAsync(a, ct)),
        new ToolEntry<TrendArguments, LifecycleResult>(Names.Lifecycle, ToolKind.Reads, "lifecycle", (h, a, ct) => h.LifecycleAsync(a, ct)),
        new ToolEntry<ActionCountsArguments, ActionCountsResult>(Names.CountActions, ToolKind.Reads, "actions", (h, a, ct) => h.ActionCountsAsync(a, ct)),
        new ToolEntry<RetentionArguments, RetentionResult>(Names.RetentionCohorts, ToolKind.Reads, "retention", (h, a, ct) => h.RetentionAsync(a, ct)),
        new ToolEntry<ScoresArguments, ScoresResult>(Names.InactivityScores, ToolKind.Reads, "scores", (h, a, ct) => h.ScoresAsync(a, ct)),
        new ToolEntry<ExplainArguments, MemberExplanation>(Names.ExplainMember, ToolKind.Reads, "explain", (h, a, ct) => h.ExplainAsync(a, ct)),
        new ToolEntry<SegmentsArguments, SegmentsResult>(Names.ListSegments, ToolKind.Reads, "segments", (h, a, ct) => h.SegmentsAsync(a, ct)),
        new ToolEntry<CreateSegmentArguments, SegmentSaved>(Names.CreateSegment, ToolKind.NeedsApproval, "segment_saved", (h, a, ct) => h.CreateSegmentAsync(a, ct)),
        new ToolEntry<ChartArguments, ChartResult>(Names.RenderChart, ToolKind.Stores, "chart", (h, a, ct) => h.ChartAsync(a, ct)),
        new ToolEntry<TableArguments, TableResult>(Names.ExportTable, ToolKind.Stores, "table", (h, a, ct) => h.TableAsync(a, ct)),
        new ToolEntry<PlaybookArguments, PlaybooksResult>(Names.SearchPlaybooks, ToolKind.Reads, "playbooks", (h, a, ct) => h.PlaybooksAsync(a, ct)),
        new ToolEntry<CampaignArguments, CampaignDraftResult>(Names.DraftCampaign, ToolKind.Stores, "campaign", (h, a, ct) => h.CampaignAsync(a, ct)),
        new ToolEntry<CampaignLookupArguments, CampaignStatusResult>(Names.CampaignStatus, ToolKind.Reads, "campaign_summary", (h, a, ct) => h.CampaignStatusAsync(a, ct)),
        new ToolEntry<CampaignLookupArguments, CampaignResultsResult>(Names.CampaignResults, ToolKind.Stores, "results_summary", (h, a, ct) => h.CampaignResultsAsync(a, ct)),
    ];

    private static readonly Dictionary<string, ToolEntry> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The entry of a tool, or null for a name the catalog does not have.</summary>
    public static ToolEntry? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Whether a call of this tool waits for a person's approval.</summary>
    public static bool NeedsApproval(string name) => Find(name)?.Kind == ToolKind.NeedsApproval;
}
