using System.Text.Json;
using Actionlytics.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Proactive messages: when a campaign waits for approval, each manager of its community who has talked with the bot
/// in a personal chat receives the approval card there, from the conversation reference stored at their last message.
/// When the campaign changes, every card of it the bot posted is replaced.
/// </summary>
public sealed class TeamsCampaignNotifier(
    ActionlyticsDbContext db, CommunityRoles roles, CampaignCardDelivery cards, IOptionsMonitor<TeamsOptions> options, ILogger<TeamsCampaignNotifier> logger)
    : ICampaignNotifier
{
    public async Task ApprovalRequestedAsync(CampaignView campaign, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!options.CurrentValue.Enabled)
        {
            return;
        }
        var communityId = await db.Communities.Where(c => c.Slug == campaign.Community).Select(c => c.Id).FirstAsync(cancellationToken);
        var conversations = await db.TeamsConversations.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.UserId != requestedBy).ToListAsync(cancellationToken);
        foreach (var conversation in conversations)
        {
            var reference = JsonSerializer.Deserialize<BotActivity>(conversation.ReferenceJson, BotActivity.Json)!;
            var role = await roles.RoleAsync(communityId, conversation.UserId, cancellationToken);
            // Personal chats only: a group chat would show one manager's approval request to everyone in it.
            if (role is null || role < CommunityRole.Manager || reference.Conversation?.ConversationType is not (null or "personal"))
            {
                continue;
            }
            await cards.SendAsync(reference with { ReplyToId = null }, campaign,
                $"Campaign {campaign.Id} ({campaign.Name}) waits for a manager's approval; {requestedBy} drafted it.", cancellationToken);
            logger.LogInformation("Asked {User} on Teams to review campaign {Id}", conversation.UserId, campaign.Id);
        }
    }

    public Task CampaignChangedAsync(CampaignView campaign, CancellationToken cancellationToken) =>
        options.CurrentValue.Enabled ? cards.UpdateAllAsync(campaign, cancellationToken) : Task.CompletedTask;
}
