using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Campaigns.Outcomes;

/// <summary>
/// Reads who came back: for every member assigned to a campaign's groups (holdout included), their first action (or the
/// goal action) after the send started and within the goal window, from the imported events.
/// </summary>
public sealed class CampaignOutcomeReader(ActionlyticsDbContext db)
{
    public async Task<IReadOnlyList<RecipientOutcome>> ReadAsync(Campaign campaign, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var recipients = await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.MemberId, r.Group, r.Profile }).ToListAsync(ct);
        var delivered = (await db.Outbox.AsNoTracking().Where(m => m.CampaignId == campaign.Id && m.Status == OutboxStatus.Sent)
            .Select(m => m.MemberId).ToListAsync(ct)).ToHashSet();

        var returns = new Dictionary<long, DateTimeOffset>();
        if (campaign.SendStartedAt is { } start)
        {
            var end = start.AddDays(campaign.GoalDays);
            var goal = campaign.GoalAction;
            var firsts = await db.Events.AsNoTracking()
                .Where(e => e.CommunityId == campaign.CommunityId && e.OccurredAt > start && e.OccurredAt <= end && (goal == null || e.Action == goal))
                .GroupBy(e => e.MemberId)
                .Select(g => new { MemberId = g.Key, First = g.Min(e => e.OccurredAt) })
                .ToListAsync(ct);
            foreach (var first in firsts)
            {
                returns[first.MemberId] = first.First;
            }
        }
        return recipients.Select(r => new RecipientOutcome(r.Group, r.Profile, delivered.Contains(r.MemberId),
            returns.TryGetValue(r.MemberId, out var at) ? at : null)).ToList();
    }
}
