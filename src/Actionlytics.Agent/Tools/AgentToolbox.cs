using Actionlytics.Agent.Prompts;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Charts;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Conversations;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Search;
using Actionlytics.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// Every capability the agent has, as tools bound to one <see cref="ToolScope"/>: a tool can only ever read or change
/// the scope's community. Side-effecting tools are wrapped as approval-required: the model can propose them, and only
/// a person's approval in the channel runs them.
/// </summary>
public sealed class AgentToolbox(AgentPrompts prompts, PlaybookKnowledge knowledge, InactivityScorer scorer)
{
    /// <summary>Tools that change stored data: they run only after a human approves the exact call.</summary>
    public static IReadOnlySet<string> ApprovalRequired { get; } = new HashSet<string>(StringComparer.Ordinal) { "create_segment" };

    /// <summary>Tools that only read: they store nothing (no segment, draft or artifact).</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "activity_trend", "compare_periods", "lifecycle", "retention_cohorts", "inactivity_scores", "explain_member", "list_segments",
        "search_playbooks", "campaign_status",
    };

    public const int MaxListed = 500;

    public IReadOnlyList<AITool> For(ToolScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var tools = new Tools(scope, knowledge, scorer);
        AIFunction[] functions =
        [
            new AgentTool<TrendArguments>(prompts.Tool("activity_trend"), tools.TrendAsync),
            new AgentTool<CompareArguments>(prompts.Tool("compare_periods"), tools.CompareAsync),
            new AgentTool<TrendArguments>(prompts.Tool("lifecycle"), tools.LifecycleAsync),
            new AgentTool<RetentionArguments>(prompts.Tool("retention_cohorts"), tools.RetentionAsync),
            new AgentTool<ScoresArguments>(prompts.Tool("inactivity_scores"), tools.ScoresAsync),
            new AgentTool<ExplainArguments>(prompts.Tool("explain_member"), tools.ExplainAsync),
            new AgentTool<SegmentsArguments>(prompts.Tool("list_segments"), tools.SegmentsAsync),
            new AgentTool<CreateSegmentArguments>(prompts.Tool("create_segment"), tools.CreateSegmentAsync),
            new AgentTool<ChartArguments>(prompts.Tool("render_chart"), tools.ChartAsync),
            new AgentTool<TableArguments>(prompts.Tool("export_table"), tools.TableAsync),
            new AgentTool<PlaybookArguments>(prompts.Tool("search_playbooks"), tools.PlaybooksAsync),
            new AgentTool<CampaignArguments>(prompts.Tool("draft_campaign"), tools.CampaignAsync),
            new AgentTool<CampaignLookupArguments>(prompts.Tool("campaign_status"), tools.CampaignStatusAsync),
            new AgentTool<CampaignLookupArguments>(prompts.Tool("campaign_results"), tools.CampaignResultsAsync),
        ];
        return functions.Select(f => ApprovalRequired.Contains(f.Name) ? new ApprovalRequiredAIFunction(f) : (AITool)f).ToList();
    }

    /// <summary>The tool implementations for one scope.</summary>
    private sealed class Tools(ToolScope scope, PlaybookKnowledge knowledge, InactivityScorer scorer)
    {
        private string Slug => scope.Community.Slug;

        private CommunityAnalytics Analytics => scope.Services.GetRequiredService<CommunityAnalytics>();

        public async Task<object> TrendAsync(TrendArguments a, CancellationToken ct)
        {
            var (trend, _) = await Analytics.TrendAsync(Slug, a.From, a.To, Granularity(a.Granularity), a.Action, ct);
            var slot = EventSlot(a.Action);
            return new TrendResult(trend.From, trend.To, Name(trend.Granularity), a.Action,
                trend.Points.Select(p => new TrendPeriod(p.Period.Start, p.Period.End, p.ActiveMembers, p.Members, Round(p.ActivityRate), p.Gained, p.Lost, p.EventsByAction[slot])).ToList(),
                Comparison(trend.Comparison, a.Action));
        }

        public async Task<object> CompareAsync(CompareArguments a, CancellationToken ct) =>
            Comparison(await Analytics.CompareAsync(Slug, a.From, a.To, a.PreviousFrom, a.PreviousTo, a.Action, ct), a.Action);

        public async Task<object> LifecycleAsync(TrendArguments a, CancellationToken ct)
        {
            var (trend, _) = await Analytics.TrendAsync(Slug, a.From, a.To, Granularity(a.Granularity), a.Action, ct);
            return new LifecycleResult(trend.From, trend.To, Name(trend.Granularity), a.Action,
                trend.Points.Select(p => new LifecyclePeriod(p.Period.Start, p.Period.End, p.ActiveMembers, p.New, p.Returning, p.Resurrecting, p.Dormant)).ToList());
        }

        public async Task<object> RetentionAsync(RetentionArguments a, CancellationToken ct)
        {
            var (cohorts, from, to, _) = await Analytics.RetentionAsync(Slug, a.From, a.To, ct);
            return new RetentionResult(from, to, cohorts.Select(c => new CohortFigures(c.Month, c.Size, c.Retained.Select(Round).ToList())).ToList());
        }

        public async Task<object> ScoresAsync(ScoresArguments a, CancellationToken ct)
        {
            if (a.Top is < 1 or > MaxListed)
            {
                throw new ToolArgumentException($"top must be between 1 and {MaxListed}.");
            }
            var weights = a.Weights is { } w ? new ScoreWeights(w.Recency, w.Constancy, w.Frequency) : null;
            var scoring = await Analytics.ScoreAsync(Slug, a.AsOf, a.WindowDays, a.InactiveAfterDays, weights, ct);
            var matching = Filter(scoring, a.Segment, a.Profile);
            var listed = matching.Take(a.Top ?? 10).ToList();
            var ids = listed.Select(m => m.MemberId).ToList();
            var names = await scope.Services.GetRequiredService<Data.Store.ActionlyticsDbContext>().Members.AsNoTracking()
                .Where(m => m.CommunityId == scope.Community.Id && ids.Contains(m.ExternalId) && m.DisplayName != null)
                .ToDictionaryAsync(m => m.ExternalId, m => m.DisplayName, StringComparer.Ordinal, ct);
            return new ScoresResult(scoring.Parameters.AsOf, scoring.Parameters.InactiveAfterDays, scoring.Parameters.WindowDays,
                scoring.ActiveMembers, scoring.InactiveMembers, scoring.NeverActiveMembers, matching.Count, a.Segment, a.Profile,
                listed.Select(m => Scored(m) with { DisplayName = names.GetValueOrDefault(m.MemberId) }).ToList());
        }

        public async Task<object> ExplainAsync(ExplainArguments a, CancellationToken ct)
        {
            var scoring = await Analytics.ScoreAsync(Slug, null, null, a.InactiveAfterDays, null, ct);
            var member = scoring.Inactive.FirstOrDefault(m => m.MemberId == a.MemberId.Trim())
                ?? throw new ToolArgumentException($"'{a.MemberId}' is not among the {scoring.InactiveMembers} inactive members (inactive for {scoring.Parameters.InactiveAfterDays} days or more): check the id, or the member is active.");
            var e = member.Explanation;
            return new MemberExplanation(member.MemberId, true, Round1(member.Score), member.LastActiveDate, member.RecencyDays, member.ActiveDays,
                member.ConstancyDays, member.Segment, member.Profile,
                [.. new[] { e.Recency, e.Constancy, e.Frequency }.Select(c => new ScoreShare(c.Name, Round(c.Value), Round1(c.Points), Round(c.Share)))],
                e.Summary);
        }

        public async Task<object> SegmentsAsync(SegmentsArguments a, CancellationToken ct)
        {
            var scoring = await Analytics.ScoreAsync(Slug, null, null, a.InactiveAfterDays, null, ct);
            var descriptions = scorer.Segments.Rules.ToDictionary(r => r.Name, r => r.Description);
            var saved = await scope.Services.GetRequiredService<SavedSegmentStore>().ListAsync(scope.Community.Id, ct);
            return new SegmentsResult(scoring.Parameters.InactiveAfterDays,
                scoring.SegmentSizes(scorer.Segments).Select(s => new SegmentSize(s.Segment, s.Members, descriptions.GetValueOrDefault(s.Segment, "inactive members matching no other segment"))).ToList(),
                saved.Select(s => new SegmentSize(s.Name, s.MemberCount, s.Definition)).ToList());
        }

        public async Task<object> CreateSegmentAsync(CreateSegmentArguments a, CancellationToken ct)
        {
            var name = a.Name.Trim();
            if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]{0,63}$"))
            {
                throw new ToolArgumentException("A segment name is lowercase words joined by '_', e.g. quiz_dropouts_march.");
            }
            if (a.MinScore is < 0 or > 100)
            {
                throw new ToolArgumentException("min_score is between 0 and 100.");
            }
            var scoring = await Analytics.ScoreAsync(Slug, null, null, a.InactiveAfterDays, null, ct);
            var members = Filter(scoring, a.Segment, a.Profile).Where(m => a.MinScore is null || m.Score >= a.MinScore).Select(m => m.MemberId).ToList();
            var definition = Definition(a, scoring.Parameters.InactiveAfterDays);
            var saved = await scope.Services.GetRequiredService<SavedSegmentStore>().CreateAsync(scope.Community.Id, name, definition, scoring.Parameters.InactiveAfterDays, members, scope.UserId, ct);
            return new SegmentSaved(saved.Name, saved.MemberCount, saved.Definition);
        }

        public async Task<object> ChartAsync(ChartArguments a, CancellationToken ct)
        {
            var kind = a.Kind.Trim().ToLowerInvariant().Replace('_', '-');
            if (!CommunityReports.ChartNames.TryGetValue(kind, out var chartKind))
            {
                throw new ToolArgumentException($"Unknown chart kind '{a.Kind}': use trend, lifecycle, action_mix, score_distribution, segments or retention.");
            }
            var spec = await Reports.ChartAsync(chartKind, Request(a.From, a.To, a.Granularity, a.InactiveAfterDays), ct);
            var png = ChartRenderer.Render(spec, ExportFormat.Png);
            var artifact = await SaveAsync(spec.Title, $"{kind}.png", ExportFormat.Png.MediaType(), png, ct);
            return new ChartResult(kind.Replace('-', '_'), spec.Title, artifact);
        }

        public async Task<object> TableAsync(TableArguments a, CancellationToken ct)
        {
            var name = a.Table.Trim().ToLowerInvariant();
            if (!CommunityReports.TableNames.Contains(name))
            {
                throw new ToolArgumentException($"Unknown table '{a.Table}': use {string.Join(", ", CommunityReports.TableNames)}.");
            }
            var format = ExportFormats.Parse(a.Format ?? "csv") is { } f && f.IsTableFormat() ? f
                : throw new ToolArgumentException($"Unknown format '{a.Format}': use csv, xlsx or json.");
            var table = await Reports.TableAsync(name, Request(a.From, a.To, a.Granularity, a.InactiveAfterDays), ct);
            var rows = table.Rows.ToList();
            using var output = new MemoryStream();
            await TableExport.WriteAsync(table with { Rows = rows }, format, output, ct);
            var file = $"{scope.Community.Slug}-{name}.{format.Extension()}";
            var artifact = await SaveAsync($"{name} ({scope.Community.Name})", file, format.MediaType(), output.ToArray(), ct);
            return new TableResult(name, format.Extension(), rows.Count, artifact);
        }

        public async Task<object> PlaybooksAsync(PlaybookArguments a, CancellationToken ct)
        {
            var channel = a.Channel == "teams" ? "teams" : a.Channel;
            var hits = await knowledge.SearchAsync(a.Query, new SearchFilter(a.Need, channel), a.Top ?? 5, RankingMode.Hybrid, ct);
            return new PlaybooksResult(a.Query, hits.Select(h => new PlaybookCitation(h.PlaybookId, h.Title, h.Section, h.Excerpt, h.Needs, h.Channels, h.Citation)).ToList());
        }

        /// <summary>Saves the draft awaiting a manager's approval: nothing reaches a member until a person approves and sends it.</summary>
        public async Task<object> CampaignAsync(CampaignArguments a, CancellationToken ct)
        {
            var (_, proposal) = await scope.Services.GetRequiredService<CampaignService>().DraftAsync(
                Slug, new CampaignRequest(a.Segment, a.Profile, a.Variants, a.Need, a.Channel, a.GoalDays, a.GoalAction, NextWaveOf: a.NextWaveOf), scope.UserId, ct);
            return proposal;
        }

        public async Task<object> CampaignStatusAsync(CampaignLookupArguments a, CancellationToken ct)
        {
            var service = scope.Services.GetRequiredService<CampaignService>();
            var id = await CampaignIdAsync(a.CampaignId, sentOnly: false, ct);
            var audit = await service.AuditAsync(id, scope.UserId, ct);
            return new CampaignStatusResult(await service.GetAsync(id, scope.UserId, ct), audit.TakeLast(5).ToList());
        }

        public async Task<object> CampaignResultsAsync(CampaignLookupArguments a, CancellationToken ct)
        {
            var id = await CampaignIdAsync(a.CampaignId, sentOnly: true, ct);
            var results = await scope.Services.GetRequiredService<CampaignResults>().ResultsAsync(id, scope.UserId, ct);
            var c = results.Campaign;
            var png = ChartRenderer.Render(results.Chart, ExportFormat.Png);
            var chart = await SaveAsync(results.Chart.Title, $"campaign-{id}-results.png", ExportFormat.Png.MediaType(), png, ct);
            using var output = new MemoryStream();
            await TableExport.WriteAsync(results.Table, ExportFormat.Csv, output, ct);
            var table = await SaveAsync($"Campaign {id} results", $"campaign-{id}-results.csv", ExportFormat.Csv.MediaType(), output.ToArray(), ct);
            return new CampaignResultsResult(id, c.Name, c.State, c.GoalDays, c.GoalAction, c.MeasuredUntil, results.Analysis.Groups,
                Round(results.Analysis.SampleRatioPValue), results.Analysis.Warnings, results.Analysis.NextWave, [chart, table]);
        }

        /// <summary>The campaign named, which must belong to this community, or the community's latest one (sent, for results).</summary>
        private async Task<long> CampaignIdAsync(long? requested, bool sentOnly, CancellationToken ct) =>
            await scope.Services.GetRequiredService<CampaignService>().FindIdAsync(Slug, requested, sentOnly && requested is null, scope.UserId, ct)
            ?? throw new ToolArgumentException(requested is { } id ? $"This community has no campaign {id}."
                : sentOnly ? "No campaign of this community has been sent yet: there are no results to read." : "This community has no campaign yet.");

        private CommunityReports Reports => scope.Services.GetRequiredService<CommunityReports>();

        private AnalysisRequest Request(DateOnly? from, DateOnly? to, string? granularity, int? inactiveAfterDays) =>
            new(Slug) { From = from, To = to, Granularity = Granularity(granularity), InactiveAfterDays = inactiveAfterDays };

        private async Task<ArtifactInfo> SaveAsync(string title, string fileName, string mediaType, byte[] content, CancellationToken ct)
        {
            var stored = await scope.Services.GetRequiredService<ArtifactStore>().SaveAsync(scope.Community.Id, title, fileName, mediaType, content, ct);
            return new ArtifactInfo(stored.Id, stored.Title, stored.FileName, stored.MediaType, $"/api/artifacts/{stored.Id}");
        }

        private List<MemberScore> Filter(ScoringResult scoring, string? segment, string? profile)
        {
            if (segment is not null && !scorer.Segments.Names.Contains(segment))
            {
                throw new ToolArgumentException($"Unknown segment '{segment}': use {string.Join(", ", scorer.Segments.Names)}.");
            }
            if (profile is not null && !scorer.Profiles.Names.Contains(profile))
            {
                throw new ToolArgumentException($"Unknown profile '{profile}': use {string.Join(", ", scorer.Profiles.Names)}.");
            }
            var matching = new List<MemberScore>();
            for (var i = 0; i < scoring.Inactive.Count; i++)
            {
                var member = scoring.Inactive[i];
                if ((segment is null || member.Segment == segment) && (profile is null || member.Profile == profile))
                {
                    matching.Add(member);
                }
            }
            return matching;
        }

        private static ComparisonResult Comparison(WindowComparison c, string? action) => new(
            Figures(c.Current), Figures(c.Previous), c.Gained, c.Lost, c.ActiveMembersChange,
            c.ActiveMembersChangeRatio is { } r ? Round(r) : null, action);

        private static WindowFigures Figures(WindowSummary s) => new(s.From, s.To, s.ActiveMembers, s.Members, Round(s.ActivityRate), s.Events, s.NewMembers);

        private static ScoredMember Scored(MemberScore m) => new(m.MemberId, Round1(m.Score), m.LastActiveDate, m.RecencyDays, m.ActiveDays, m.Segment, m.Profile);

        private static string Definition(CreateSegmentArguments a, int threshold) => string.Join(", ", new[]
        {
            $"inactive for {threshold} days or more",
            a.Segment is null ? null : $"segment {a.Segment}",
            a.Profile is null ? null : $"profile {a.Profile}",
            a.MinScore is null ? null : $"score at least {a.MinScore}",
        }.Where(p => p is not null));
    }

    /// <summary>Where an action's events are in a period's counts: slot 0 is every event, then one slot per action flag.</summary>
    private static int EventSlot(string? action)
    {
        var flags = (int)CommunityAnalytics.ActionFlags(action);
        return flags == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(flags) + 1;
    }

    internal static Granularity Granularity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "week" => Core.Analytics.Granularity.Week,
        "day" => Core.Analytics.Granularity.Day,
        "month" => Core.Analytics.Granularity.Month,
        _ => throw new ToolArgumentException($"Unknown granularity '{text}': use day, week or month."),
    };

    internal static string Name(Granularity granularity) => granularity.ToString().ToLowerInvariant();

    internal static double Round(double value) => Math.Round(value, 4);

    internal static double Round1(double value) => Math.Round(value, 1);
}
