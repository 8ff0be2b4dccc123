using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Charts;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Campaigns.Outcomes;

/// <summary>A campaign's results as every channel shows them: the figures, a table to export and a chart to draw.</summary>
public sealed record CampaignResultsView(CampaignView Campaign, CampaignAnalysis Analysis, ReportTable Table, ReportTable Allocation, ChartSpec Chart);

/// <summary>
/// Measures who came back: for every member assigned to a group (holdout included), their first action (or the goal
/// action) after the send started and within the goal window, read from the imported events.
/// </summary>
public sealed class CampaignResults(ActionlyticsDbContext db, CampaignService campaigns, TimeProvider time)
{
    public async Task<CampaignResultsView> ResultsAsync(long id, string actor, CancellationToken ct)
    {
        var (campaign, community) = await campaigns.LoadAsync(id, actor, CommunityRole.Viewer, "read campaign results", ct);
        var now = time.GetUtcNow();
        var recipients = await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == id)
            .Select(r => new { r.MemberId, r.Group, r.Profile }).ToListAsync(ct);
        var delivered = (await db.Outbox.AsNoTracking().Where(m => m.CampaignId == id && m.Status == OutboxStatus.Sent)
            .Select(m => m.MemberId).ToListAsync(ct)).ToHashSet();

        var returns = new Dictionary<long, DateTimeOffset>();
        if (campaign.SendStartedAt is { } start)
        {
            var end = start.AddDays(campaign.GoalDays);
            var goal = campaign.GoalAction;
            var firsts = await db.Events.AsNoTracking()
                .Where(e => e.CommunityId == community.Id && e.OccurredAt > start && e.OccurredAt <= end && (goal == null || e.Action == goal))
                .GroupBy(e => e.MemberId)
                .Select(g => new { MemberId = g.Key, First = g.Min(e => e.OccurredAt) })
                .ToListAsync(ct);
            foreach (var first in firsts)
            {
                returns[first.MemberId] = first.First;
            }
        }
        var outcomes = recipients.Select(r => new RecipientOutcome(r.Group, r.Profile, delivered.Contains(r.MemberId),
            returns.TryGetValue(r.MemberId, out var at) ? at : null)).ToList();
        var analysis = CampaignOutcomes.Analyse(campaign, outcomes, now);
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
