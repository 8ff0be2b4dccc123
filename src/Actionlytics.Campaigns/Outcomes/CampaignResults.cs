using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Charts;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Reports;

namespace Actionlytics.Campaigns.Outcomes;

/// <summary>A campaign's results as every channel shows them: the figures, a table to export and a chart to draw.</summary>
public sealed record CampaignResultsView(CampaignView Campaign, CampaignAnalysis Analysis, ReportTable Table, ReportTable Allocation, ChartSpec Chart);

/// <summary>A campaign's results against its holdout, as the figures, a table, the next wave's allocation and a chart.</summary>
public sealed class CampaignResults(CampaignService campaigns, CampaignOutcomeReader outcomes, TimeProvider time)
{
    public async Task<CampaignResultsView> ResultsAsync(long id, string actor, CancellationToken ct)
    {
        var (campaign, community) = await campaigns.LoadAsync(id, actor, CommunityRole.Viewer, "read campaign results", ct);
        var analysis = CampaignOutcomes.Analyse(campaign, await outcomes.ReadAsync(campaign, ct), time.GetUtcNow());
        var view = await campaigns.ViewAsync(campaign, community, ct);
        return new CampaignResultsView(view, analysis, Table(campaign, analysis), AllocationTable(campaign, analysis),
            ChartSpecs.CampaignResults(analysis, campaign.Name, campaign.GoalDays, campaign.GoalAction));
    }

    private static ReportTable Table(Campaign campaign, CampaignAnalysis analysis) => new(
        $"campaign-{campaign.Id}-results",
        ["group", "need", "assigned", "delivered", "returned", "return_rate", "rate_low_95", "rate_high_95", "uplift", "relative_uplift", "p_value", "probability_to_beat_holdout"],
        analysis.Groups.Select(g => new object?[]
        {
            g.Group, g.Need, g.Assigned, g.Delivered, g.Returned, Round(g.Rate), Round(g.RateLow), Round(g.RateHigh),
            Round(g.Uplift), Round(g.RelativeUplift), Round(g.PValue), Round(g.ProbabilityToBeatHoldout),
        }).ToList());

    private static ReportTable AllocationTable(Campaign campaign, CampaignAnalysis analysis) => new(
        $"campaign-{campaign.Id}-next-wave",
        ["profile", "variant", "need", "recipients", "returned", "next_wave_share"],
        analysis.NextWave.Select(a => new object?[] { a.Profile, a.Variant, a.Need, a.Recipients, a.Returned, Round(a.Share) }).ToList());

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 4);
}
