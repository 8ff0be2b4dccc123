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

    public async Task<ChartSpec> ChartAsync(ChartKind kind, AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (kind)
        {
            case ChartKind.Trend or ChartKind.Lifecycle or ChartKind.ActionMix:
                var (trend, community) = await analytics.TrendAsync(request.Community, request.From, request.To, request.Granularity, request.Action, cancellationToken);
                return kind switch
                {
                    ChartKind.Trend => ChartSpecs.Trend(trend, community.Name),
                    ChartKind.Lifecycle => ChartSpecs.Lifecycle(trend, community.Name),
                    _ => ChartSpecs.ActionMix(trend, community.Name),
                };
            case ChartKind.ScoreDistribution or ChartKind.Segments:
                var scoring = await ScoreAsync(request, cancellationToken);
                var name = (await communities.GetAsync(request.Community, cancellationToken)).Name;
                return kind == ChartKind.Segments
                    ? ChartSpecs.Segments(scoring, scorer.Segments, name)
                    : ChartSpecs.ScoreDistribution(scoring, name);
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

    private Task<ScoringResult> ScoreAsync(AnalysisRequest request, CancellationToken cancellationToken) =>
        analytics.ScoreAsync(request.Community, request.AsOf, request.WindowDays, request.InactiveAfterDays, request.Weights, cancellationToken);
}
