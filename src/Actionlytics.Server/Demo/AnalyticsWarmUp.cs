using Actionlytics.Agent.Chat;
using Actionlytics.Core.Charts;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Reports;

namespace Actionlytics.Server.Demo;

/// <summary>
/// Before the first manager asks: runs one read-only question through the agent (nothing stored), loads each
/// community's activity index and draws one chart. The first answer after a start would otherwise pay for building the
/// tools, reading every event and compiling the scoring and charting code (about two seconds on the 5,000-member demo).
/// </summary>
public static class AnalyticsWarmUp
{
    private const int MaxCommunities = 20;

    public static async Task WarmAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var communities = (await services.GetRequiredService<CommunityDirectory>().ListAsync(cancellationToken)).Where(c => c.Events > 0).Take(MaxCommunities).ToList();
            if (communities.Count > 0)
            {
                await services.GetRequiredService<AgentChat>().WarmUpAsync(communities[0].Slug, "Who are the inactive members with the highest reactivation score?", cancellationToken);
            }
            foreach (var community in communities)
            {
                // The chart loads the activity index and scores the members on the way.
                var chart = await services.GetRequiredService<CommunityReports>().ChartAsync(ChartKind.ScoreDistribution, new AnalysisRequest(community.Slug), cancellationToken);
                _ = ChartRenderer.Render(chart, ExportFormat.Png);
            }
            logger.LogInformation("Analytics warmed up for {Count} communities in {Seconds:F1}s", communities.Count, clock.Elapsed.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only speed is lost: the first question loads what it needs itself.
            logger.LogWarning(ex, "Warming up analytics failed");
        }
    }
}
