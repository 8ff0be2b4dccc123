using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Conversations;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Search;
using Actionlytics.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// What each tool of the <see cref="ToolCatalog"/> does, for one <see cref="ToolScope"/>: a handler can only ever read
/// or change the scope's community. Refusals are <see cref="ToolArgumentException"/>s or the domain's own refusals.
/// </summary>
public sealed class ToolHandlers(ToolScope scope, PlaybookKnowledge knowledge, InactivityScorer scorer)
{
    public const int MaxListed = 500;

    private string Slug => scope.Community.Slug;

    private CommunityAnalytics Analytics => scope.Services.GetRequiredService<CommunityAnalytics>();

    private CommunityReports Reports => scope.Services.GetRequiredService<CommunityReports>();

    public async Task<TrendResult> TrendAsync(TrendArguments a, CancellationToken ct)
    {
        var (trend, _) = await Analytics.TrendAsync(Slug, a.From, a.To, Granularity(a.Granularity), a.Action, ct);
        var slot = EventSlot(a.Action);
        var request = new AnalysisRequest(Slug) { From = trend.From, To = trend.To, Granularity = trend.Granularity, Action = a.Action };
        return new TrendResult(trend.From, trend.To, Name(trend.Granularity), a.Action,
            trend.Points.Select(p => new TrendPeriod(p.Period.Start, p.Period.End, p.ActiveMembers, p.Members, Round(p.ActivityRate), p.Gained, p.Lost, p.EventsByAction[slot])).ToList(),
            Figures(trend.Comparison, a.Action), Links("trend", "trend", request));
    }

    public async Task<ComparisonResult> CompareAsync(CompareArguments a, CancellationToken ct)
    {
        var c = await Analytics.CompareAsync(Slug, a.From, a.To, a.PreviousFrom, a.PreviousTo, a.Action, ct);
        var request = new AnalysisRequest(Slug) { From = c.Current.From, To = c.Current.To, PreviousFrom = c.Previous.From, PreviousTo = c.Previous.To, Action = a.Action };
        var f = Figures(c, a.Action);
        return new ComparisonResult(f.Current, f.Previous, f.Gained, f.Lost, f.ActiveMembersChange, f.ActiveMembersChangeRatio, a.Action,
            Links(null, "comparison", request));
    }

    public async Task<ActionCountsResult> ActionCountsAsync(ActionCountsArguments a, CancellationToken ct)
    {
        if (a.Top is < 0 or > MaxListed)
        {
            throw new ToolArgumentException($"top must be between 0 and {MaxListed}.");
        }
        var ranking = a.RankBy?.Trim().ToLowerInvariant() switch
        {
            null or "" => a.Action is null ? MemberRanking.ActiveDays : MemberRanking.Events,
            "events" => MemberRanking.Events,
            "active_days" => MemberRanking.ActiveDays,
            _ => throw new ToolArgumentException($"Unknown rank_by '{a.RankBy}': use events or active_days."),
        };
        if ((a.PreviousFrom is null) != (a.PreviousTo is null))
        {
            throw new ToolArgumentException("Give both previous_from and previous_to, or neither.");
        }
        var actions = scope.Services.GetRequiredService<CommunityActions>();
        var top = a.Top ?? 10;
        var current = await actions.CountAsync(Slug, a.From, a.To, a.Action, top, ranking, ct, a.MinActiveDays);
        if (a.PreviousAction is not null && a.PreviousFrom is null)
        {
            throw new ToolArgumentException("previous_action is the action of the previous window: give previous_from and previous_to too.");
        }
        var previousAction = a.PreviousAction ?? a.Action;
        var previous = a.PreviousFrom is { } pf && a.PreviousTo is { } pt ? await actions.CountAsync(Slug, pf, pt, previousAction, 0, ranking, ct, a.MinActiveDays) : null;
        int? inBoth = previous is null ? null : await actions.MembersInBothAsync(Slug, current.From, current.To, previous.From, previous.To, a.Action, previousAction, ct);
        var listed = current.Top.Take(top).ToList();
        // A tie on the figure members are ranked by: the next one would have been listed as rightly as the last.
        var tie = top > 0 && current.Top.Count > top && (ranking == MemberRanking.Events
            ? current.Top[top].Events == listed[^1].Events
            : current.Top[top].ActiveDays == listed[^1].ActiveDays);
        static ActionCountsWindow Window(ActionWindow w) => new(w.From, w.To, w.Events, w.Members, w.ByAction) { MembersWithMinActiveDays = w.MembersWithMinActiveDays };
        return new ActionCountsResult(a.Action, Window(current), previous is null ? null : Window(previous),
            ranking == MemberRanking.Events ? "events" : "active_days", listed, tie) { MinActiveDays = a.MinActiveDays, MembersInBoth = inBoth, PreviousAction = previous is null ? null : previousAction };
    }

    public async Task<LifecycleResult> LifecycleAsync(TrendArguments a, CancellationToken ct)
    {
        var (trend, _) = await Analytics.TrendAsync(Slug, a.From, a.To, Granularity(a.Granularity), a.Action, ct);
        var request = new AnalysisRequest(Slug) { From = trend.From, To = trend.To, Granularity = trend.Granularity, Action = a.Action };
        return new LifecycleResult(trend.From, trend.To, Name(trend.Granularity), a.Action,
            trend.Points.Select(p => new LifecyclePeriod(p.Period.Start, p.Period.End, p.ActiveMembers, p.New, p.Returning, p.Resurrecting, p.Dormant)).ToList(),
            Links("lifecycle", "trend", request));
    }

    public async Task<RetentionResult> RetentionAsync(RetentionArguments a, CancellationToken ct)
    {
        if (a.MonthsLater is < 1 or > 120)
        {
            throw new ToolArgumentException("months_later is between 1 and 120.");
        }
        if (a.MonthsLater is not null && a.From is null)
        {
            throw new ToolArgumentException("months_later follows one cohort: give its month as from.");
        }
        // Following one cohort: the window runs from its month to the end of the month measured.
        var followedTo = a.MonthsLater is { } later && a.From is { } cohortDay ? new DateOnly(cohortDay.Year, cohortDay.Month, 1).AddMonths(later + 1).AddDays(-1) : (DateOnly?)null;
        var (cohorts, from, to, _) = await Analytics.RetentionAsync(Slug, a.From, followedTo ?? a.To, ct);
        var followUp = a.MonthsLater is { } months && cohorts.Count > 0 && cohorts[0] is var first && first.Active.Count > months
            ? new CohortFollowUp(first.Month, first.Size, months, first.Start.AddMonths(months).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                first.Active[months], Round(first.Retained[months]))
            : null;
        return new RetentionResult(from, to, cohorts.Select(c => new CohortFigures(c.Month, c.Size, c.Retained.Select(Round).ToList())).ToList(),
            Links("retention", "retention", new AnalysisRequest(Slug) { From = from, To = to })) { FollowUp = followUp };
    }

    public async Task<ScoresResult> ScoresAsync(ScoresArguments a, CancellationToken ct)
    {
        if (a.Top is < 1 or > MaxListed)
        {
            throw new ToolArgumentException($"top must be between 1 and {MaxListed}.");
        }
        var weights = a.Weights is { } w ? new ScoreWeights(w.Recency, w.Constancy, w.Frequency) : null;
        var scoring = await Analytics.ScoreAsync(Slug, a.AsOf, a.WindowDays, a.InactiveAfterDays, weights, ct);
        var matching = scorer.Matching(scoring, a.Segment, a.Profile);
        var listed = matching.Take(a.Top ?? 10).ToList();
        var ids = listed.Select(m => m.MemberId).ToList();
        var names = await scope.Services.GetRequiredService<Data.Store.ActionlyticsDbContext>().Members.AsNoTracking()
            .Where(m => m.CommunityId == scope.Community.Id && ids.Contains(m.ExternalId) && m.DisplayName != null)
            .ToDictionaryAsync(m => m.ExternalId, m => m.DisplayName, StringComparer.Ordinal, ct);
        var p = scoring.Parameters;
        var request = new AnalysisRequest(Slug)
        {
            AsOf = p.AsOf, WindowDays = p.WindowDays, InactiveAfterDays = p.InactiveAfterDays, Weights = weights, Segment = a.Segment, Profile = a.Profile,
        };
        return new ScoresResult(p.AsOf, p.InactiveAfterDays, p.WindowDays,
            scoring.ActiveMembers, scoring.InactiveMembers, scoring.NeverActiveMembers, matching.Count, a.Segment, a.Profile,
            listed.Select(m => Scored(m) with { DisplayName = names.GetValueOrDefault(m.MemberId) }).ToList(),
            Links("score-distribution", "scores", request));
    }

    public async Task<MemberExplanation> ExplainAsync(ExplainArguments a, CancellationToken ct)
    {
        var scoring = await Analytics.ScoreAsync(Slug, a.AsOf, null, a.InactiveAfterDays, null, ct);
        var member = scoring.Inactive.FirstOrDefault(m => m.MemberId == a.MemberId.Trim())
            ?? throw new ToolArgumentException($"'{a.MemberId}' is not among the {scoring.InactiveMembers} inactive members (inactive for {scoring.Parameters.InactiveAfterDays} days or more): check the id, or the member is active.");
        var e = member.Explanation;
        return new MemberExplanation(member.MemberId, scoring.Parameters.AsOf, true, Round1(member.Score), member.LastActiveDate, member.RecencyDays, member.ActiveDays,
            member.ConstancyDays, member.Segment, member.Profile,
            [.. new[] { e.Recency, e.Constancy, e.Frequency }.Select(c => new ScoreShare(c.Name, Round(c.Value), Round1(c.Points), Round(c.Share)))],
            e.Summary);
    }

    public async Task<SegmentsResult> SegmentsAsync(SegmentsArguments a, CancellationToken ct)
    {
        var scoring = await Analytics.ScoreAsync(Slug, a.AsOf, null, a.InactiveAfterDays, null, ct);
        var descriptions = scorer.Segments.Rules.ToDictionary(r => r.Name, r => r.Description);
        var saved = await scope.Services.GetRequiredService<SavedSegmentStore>().ListAsync(scope.Community.Id, ct);
        var p = scoring.Parameters;
        return new SegmentsResult(p.AsOf, p.InactiveAfterDays,
            scoring.SegmentSizes(scorer.Segments).Select(s => new SegmentSize(s.Segment, s.Members, descriptions.GetValueOrDefault(s.Segment, "inactive members matching no other segment"))).ToList(),
            saved.Select(s => new SegmentSize(s.Name, s.MemberCount, s.Definition)).ToList(),
            Links("segments", "segments", new AnalysisRequest(Slug) { AsOf = p.AsOf, WindowDays = p.WindowDays, InactiveAfterDays = p.InactiveAfterDays }));
    }

    public async Task<SegmentSaved> CreateSegmentAsync(CreateSegmentArguments a, CancellationToken ct)
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
        var members = scorer.Matching(scoring, a.Segment, a.Profile).Where(m => a.MinScore is null || m.Score >= a.MinScore).Select(m => m.MemberId).ToList();
        var definition = Definition(a, scoring.Parameters.InactiveAfterDays);
        var saved = await scope.Services.GetRequiredService<SavedSegmentStore>().CreateAsync(scope.Community.Id, name, definition, scoring.Parameters.InactiveAfterDays, members, scope.UserId, ct);
        return new SegmentSaved(saved.Name, saved.MemberCount, saved.Definition);
    }

    public async Task<ChartResult> ChartAsync(ChartArguments a, CancellationToken ct)
    {
        var kind = a.Kind.Trim().ToLowerInvariant().Replace('_', '-');
        if (!CommunityReports.ChartNames.TryGetValue(kind, out var chartKind))
        {
            throw new ToolArgumentException($"Unknown chart kind '{a.Kind}': use trend, lifecycle, action_mix, score_distribution, segments or retention.");
        }
        var request = Request(a.From, a.To, a.Granularity, a);
        var spec = await Reports.ChartAsync(chartKind, request, ct);
        var png = ChartRenderer.Render(spec, ExportFormat.Png);
        var artifact = await SaveAsync(spec.Title, $"{kind}.png", ExportFormat.Png.MediaType(), png, ct);
        return new ChartResult(kind.Replace('-', '_'), spec.Title, artifact, Links(kind, CommunityReports.TableOf(chartKind), request));
    }

    public async Task<TableResult> TableAsync(TableArguments a, CancellationToken ct)
    {
        var name = a.Table.Trim().ToLowerInvariant();
        if (!CommunityReports.TableNames.Contains(name))
        {
            throw new ToolArgumentException($"Unknown table '{a.Table}': use {string.Join(", ", CommunityReports.TableNames)}.");
        }
        var format = ExportFormats.Parse(a.Format ?? "csv") is { } f && f.IsTableFormat() ? f
            : throw new ToolArgumentException($"Unknown format '{a.Format}': use csv, xlsx or json.");
        var request = Request(a.From, a.To, a.Granularity, a) with { PreviousFrom = a.PreviousFrom, PreviousTo = a.PreviousTo };
        var table = await Reports.TableAsync(name, request, ct);
        var rows = table.Rows.ToList();
        using var output = new MemoryStream();
        await TableExport.WriteAsync(table with { Rows = rows }, format, output, ct);
        var file = $"{scope.Community.Slug}-{name}.{format.Extension()}";
        var artifact = await SaveAsync($"{name} ({scope.Community.Name})", file, format.MediaType(), output.ToArray(), ct);
        return new TableResult(name, format.Extension(), rows.Count, artifact);
    }

    public async Task<PlaybooksResult> PlaybooksAsync(PlaybookArguments a, CancellationToken ct)
    {
        var hits = await knowledge.SearchAsync(a.Query, new SearchFilter(a.Need, a.Channel), a.Top ?? 5, RankingMode.Hybrid, ct);
        return new PlaybooksResult(a.Query, hits.Select(h => new PlaybookCitation(h.PlaybookId, h.Title, h.Section, h.Excerpt, h.Needs, h.Channels, h.Citation)).ToList());
    }

    /// <summary>Saves the draft awaiting a manager's approval: nothing reaches a member until a person approves and sends it.</summary>
    public async Task<CampaignDraftResult> CampaignAsync(CampaignArguments a, CancellationToken ct)
    {
        var (_, proposal) = await scope.Services.GetRequiredService<CampaignService>().DraftAsync(
            Slug, new CampaignRequest(a.Segment, a.Profile, a.Variants, a.Need, a.Channel, a.GoalDays, a.GoalAction, NextWaveOf: a.NextWaveOf), scope.UserId, ct);
        return new CampaignDraftResult(proposal);
    }

    public async Task<CampaignStatusResult> CampaignStatusAsync(CampaignLookupArguments a, CancellationToken ct)
    {
        var service = scope.Services.GetRequiredService<CampaignService>();
        var id = await CampaignIdAsync(a.CampaignId, sentOnly: false, ct);
        var audit = await service.AuditAsync(id, scope.UserId, ct);
        return new CampaignStatusResult(await service.GetAsync(id, scope.UserId, ct), audit.TakeLast(5).ToList());
    }

    public async Task<CampaignResultsResult> CampaignResultsAsync(CampaignLookupArguments a, CancellationToken ct)
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
            Round(results.Analysis.SampleRatioPValue), results.Analysis.Warnings, results.Analysis.NextWave, chart, table);
    }

    /// <summary>The campaign named, which must belong to this community, or the community's latest one (sent, for results).</summary>
    private async Task<long> CampaignIdAsync(long? requested, bool sentOnly, CancellationToken ct) =>
        await scope.Services.GetRequiredService<CampaignService>().FindIdAsync(Slug, requested, sentOnly && requested is null, scope.UserId, ct)
        ?? throw new ToolArgumentException(requested is { } id ? $"This community has no campaign {id}."
            : sentOnly ? "No campaign of this community has been sent yet: there are no results to read." : "This community has no campaign yet.");

    /// <summary>A chart's or table's request: the window, and the score parameters and filters the call set.</summary>
    private AnalysisRequest Request(DateOnly? from, DateOnly? to, string? granularity, IAnalysisFilters filters) => new(Slug)
    {
        From = from,
        To = to,
        Granularity = Granularity(granularity),
        Action = filters.Action,
        Segment = filters.Segment,
        Profile = filters.Profile,
        AsOf = filters.AsOf,
        WindowDays = filters.WindowDays,
        InactiveAfterDays = filters.InactiveAfterDays,
        Weights = filters.Weights is { } w ? new ScoreWeights(w.Recency, w.Constancy, w.Frequency) : null,
    };

    /// <summary>The links of a result: its chart (when it has one) and its table's exports, with every parameter of <paramref name="request"/>.</summary>
    private ResultLinks Links(string? chart, string table, AnalysisRequest request)
    {
        var root = $"/api/communities/{Uri.EscapeDataString(Slug)}";
        var query = AnalysisQueryString.Format(request);
        return new ResultLinks(
            chart is null ? null : $"{root}/charts/{chart}.png{query}",
            chart is null ? null : $"{root}/charts/{chart}.json{query}",
            [.. new[] { ExportFormat.Csv, ExportFormat.Xlsx }.Select(f => new ExportLink(f.Extension(), $"{root}/tables/{table}.{f.Extension()}{query}"))]);
    }

    private async Task<ArtifactInfo> SaveAsync(string title, string fileName, string mediaType, byte[] content, CancellationToken ct)
    {
        var stored = await scope.Services.GetRequiredService<ArtifactStore>().SaveAsync(scope.Community.Id, title, fileName, mediaType, content, ct);
        return new ArtifactInfo(stored.Id, stored.Title, stored.FileName, stored.MediaType, $"/api/artifacts/{stored.Id}");
    }

    private static ComparisonFigures Figures(WindowComparison c, string? action) => new(
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
