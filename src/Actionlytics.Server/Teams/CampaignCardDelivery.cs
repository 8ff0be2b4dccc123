using System.Text.Json;
using System.Text.Json.Nodes;
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
        var card = await CardAsync(campaign, AdaptiveCards.RunsUniversalActions(reference.ChannelId), null, cancellationToken);
        var activityId = await connector.SendAsync(reference with { Type = "message", Text = text, Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)] }, cancellationToken);
        if (!AdaptiveCards.UpdatesMessages(reference.ChannelId))
        {
            return; // the decision will come as a reply there
        }
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

    /// <summary>The campaign's card, naming who decided by the name Teams gave them when they have talked with the bot.</summary>
    public async Task<JsonObject> CardAsync(CampaignView campaign, bool universalActions, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string? name = null;
        if (campaign.DecidedBy is { } decider
            && await db.TeamsConversations.AsNoTracking().Where(c => c.UserId == decider).OrderByDescending(c => c.UpdatedAt).Select(c => c.ReferenceJson).FirstOrDefaultAsync(cancellationToken) is { } reference)
        {
            // The stored reference is addressed to the person: its recipient is them.
            name = JsonSerializer.Deserialize<BotActivity>(reference, BotActivity.Json)?.Recipient?.Name;
        }
        return AdaptiveCards.Campaign(campaign, universalActions, notice, name);
    }

    /// <summary>Replaces every copy of the campaign's card; a copy that cannot be replaced is logged and skipped.</summary>
    public async Task UpdateAllAsync(CampaignView campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var copies = await db.TeamsCards.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        foreach (var copy in copies)
        {
            var card = await CardAsync(campaign, AdaptiveCards.RunsUniversalActions(copy.ChannelId), null, cancellationToken);
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
