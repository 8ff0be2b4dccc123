using Actionlytics.Campaigns;
using Actionlytics.Data.Store;
using Actionlytics.Data.Teams;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Campaign approval cards in conversations: each is its own activity, remembered where it was posted, so that when
/// the campaign changes (from Teams, the web chat, the API or the CLI) every copy is replaced by the card as it is now.
/// </summary>
public sealed class CampaignCardDelivery(BotConnectorClient connector, ActionlyticsDbContext db, TimeProvider time, ILogger<CampaignCardDelivery> logger)
{
    /// <summary>Posts the campaign's card to the conversation of <paramref name="reference"/> (a reply when it names one).</summary>
    public async Task SendAsync(BotActivity reference, CampaignView campaign, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(campaign);
        var card = AdaptiveCards.Campaign(campaign, AdaptiveCards.RunsUniversalActions(reference.ChannelId));
        var activityId = await connector.SendAsync(reference with { Type = "message", Text = text, Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)] }, cancellationToken);
        if (activityId is null)
        {
            logger.LogWarning("The channel gave no id for campaign {Id}'s card: that copy will not be updated", campaign.Id);
            return;
        }
        db.TeamsCards.Add(new TeamsCard
        {
            CampaignId = campaign.Id,
            ConversationId = reference.Conversation!.Id,
            ServiceUrl = reference.ServiceUrl!,
            ChannelId = reference.ChannelId ?? "msteams",
            ActivityId = activityId,
            SentAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces every copy of the campaign's card; a copy that cannot be replaced is logged and skipped.</summary>
    public async Task UpdateAllAsync(CampaignView campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var copies = await db.TeamsCards.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        foreach (var copy in copies)
        {
            var card = AdaptiveCards.Campaign(campaign, AdaptiveCards.RunsUniversalActions(copy.ChannelId));
            var activity = new BotActivity
            {
                Type = "message",
                ChannelId = copy.ChannelId,
                ServiceUrl = copy.ServiceUrl,
                Conversation = new ConversationAccount(copy.ConversationId),
                Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)],
            };
            try
            {
                await connector.UpdateAsync(copy.ActivityId, activity, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                // The message may have been deleted, or the bot removed from the conversation: the others still get it.
                logger.LogWarning(e, "Could not update campaign {Id}'s card in conversation {Conversation}", campaign.Id, copy.ConversationId);
            }
        }
    }
}
