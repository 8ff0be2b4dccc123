using Actionlytics.Core.Analytics;
using Actionlytics.Core.Charts;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Communities;

namespace Actionlytics.Data.Analytics;

/// <summary>The charts and tables of a community, by name, as every channel asks for them (CLI, API, chat).</summary>
public sealed class CommunityReports(CommunityAnalytics analytics, CommunityDirectory communities, InactivityScorer scorer)
{
    /// <summary>Chart names: trend, lifecycle, action-mix, score-distribution, segments, retention.</summary>
    public static IReadOnlyDictionary<string, ChartKind> ChartNames { get; } = new Dictionary<string, ChartKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["trend"] = ChartKind.Trend,
        ["lifecycle"] = ChartKind.Lifecycle,
        ["action-mix"] = ChartKind.ActionMix,
        ["score-distribution"] = ChartKind.ScoreDistribution,
        ["segments"] = ChartKind.Segments,
        ["retention"] = ChartKind.Retention,
    };

    /// <summary>Table names: trend, comparison, scores, segments, stickiness, retention.</summary>
    public static IReadOnlyList<string> TableNames { get; } = ["trend", "comparison", "scores", "segments", "stickiness", "retention"];

    /// <summary>The table that holds a chart's numbers, by table name.</summary>
    public static string TableOf(ChartKind kind) => kind switch
    {
        ChartKind.Retention => "retention",
        ChartKind.Segments => "segments",
        ChartKind.ScoreDistribution => "scores",
        _ => "trend",
    };

    public async Task<ChartSpec> ChartAsync(ChartKind kind, AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (kind)
        {
            case ChartKind.Trend or ChartKind.Lifecycle or ChartKind.ActionMix:
                var (trend, community) = await analytics.TrendAsync(request.Community, request.From, request.To, request.Granularity, request.Action, cancellationToken);
                var chart = kind switch
                {
                    ChartKind.Trend => ChartSpecs.Trend(trend, community.Name),
                    ChartKind.Lifecycle => ChartSpecs.Lifecycle(trend, community.Name),
                    _ => ChartSpecs.ActionMix(trend, community.Name),
                };
                // A chart of one action says so: the same numbers without the filter would mean something else.
                return request.Action is { } action ? chart with { Subtitle = $"{chart.Subtitle}; {action} only" } : chart;
            case ChartKind.ScoreDistribution or ChartKind.Segments:
                var scoring = await ScoreAsync(request, cancellationToken);
                var name = (await communities.GetAsync(request.Community, cancellationToken)).Name;
                var scores = kind == ChartKind.Segments
                    ? ChartSpecs.Segments(scoring, scorer.Segments, name)
                    : ChartSpecs.ScoreDistribution(scoring, name);
                var filter = string.Join(", ", new[] { request.Segment, request.Profile }.OfType<string>());
                return filter.Length > 0 ? scores with { Subtitle = $"{scores.Subtitle}; {filter} only" } : scores;
            default:
                var retention = await analytics.RetentionAsync(request.Community, request.From, request.To, cancellationToken);
                return ChartSpecs.Retention(retention.Cohorts, retention.From, retention.To, retention.Community.Name);
        }
    }

    public async Task<ReportTable> TableAsync(string name, AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (name.ToLowerInvariant())
        {
            case "trend":
                return ReportTables.Trend((await analytics.TrendAsync(request.Community, request.From, request.To, request.Granularity, request.Action, cancellationToken)).Trend);
            case "comparison" when request.PreviousFrom is not null || request.PreviousTo is not null:
                return ReportTables.Comparison(await analytics.CompareAsync(request.Community, request.From, request.To, request.PreviousFrom, request.PreviousTo, request.Action, cancellationToken));
            case "comparison":
                return ReportTables.Comparison((await analytics.TrendAsync(request.Community, request.From, request.To, request.Granularity, request.Action, cancellationToken)).Trend.Comparison);
            case "scores":
                return ReportTables.Scores((await ScoreAsync(request, cancellationToken)).Inactive);
            case "segments":
                return ReportTables.Segments(await ScoreAsync(request, cancellationToken), scorer.Segments);
            case "stickiness":
                return ReportTables.Stickiness((await analytics.StickinessAsync(request.Community, request.From, request.To, cancellationToken)).Histogram);
            case "retention":
                return ReportTables.Retention((await analytics.RetentionAsync(request.Community, request.From, request.To, cancellationToken)).Cohorts);
            default:
                throw new AnalyticsArgumentException($"Unknown table '{name}': use one of {string.Join(", ", TableNames)}.");
        }
    }

    /// <summary>The scoring the request asks for, its inactive members narrowed to the request's segment and profile.</summary>
    private async Task<ScoringResult> ScoreAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var scoring = await analytics.ScoreAsync(request.Community, request.AsOf, request.WindowDays, request.InactiveAfterDays, request.Weights, cancellationToken);
        return request.Segment is null && request.Profile is null ? scoring : scoring with { Inactive = scorer.Matching(scoring, request.Segment, request.Profile) };
    }
}
