using System.Text.Json;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Data.Store;
using Actionlytics.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Proactive messages to the managers of a community who have talked with the bot in a personal chat, from the
/// conversation reference stored at their last message: a campaign waiting for approval (its card), and a concluded
/// campaign's results. When a campaign changes, every card of it the bot posted is replaced.
/// </summary>
public sealed class TeamsCampaignNotifier(
    ActionlyticsDbContext db,
    CommunityRoles roles,
    CampaignCardDelivery cards,
    CampaignResults results,
    ArtifactStore artifacts,
    TeamsMediaLinks mediaLinks,
    BotConnectorClient connector,
    IOptionsMonitor<TeamsOptions> options,
    ILogger<TeamsCampaignNotifier> logger)
    : ICampaignNotifier
{
    public async Task ApprovalRequestedAsync(CampaignView campaign, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        await ToEachAsync(await ManagerChatsAsync(campaign.Community, except: requestedBy, cancellationToken), campaign, "approval request", reference =>
            cards.SendAsync(reference, campaign, $"Campaign {campaign.Id} ({campaign.Name}) waits for a manager's approval; {requestedBy} drafted it.", cancellationToken));
    }

    public Task CampaignChangedAsync(CampaignView campaign, CancellationToken cancellationToken) =>
        options.CurrentValue.Enabled ? cards.UpdateAllAsync(campaign, cancellationToken) : Task.CompletedTask;

    public async Task CampaignConcludedAsync(CampaignView campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var chats = await ManagerChatsAsync(campaign.Community, except: null, cancellationToken);
        if (chats.Count == 0)
        {
            return;
        }
        // The same figures for every manager: measured once, as the first of them (each can read them).
        var measured = await results.ResultsAsync(campaign.Id, chats[0].Manager, cancellationToken);
        var card = AdaptiveCards.Results(measured, mediaLinks.Origin is null ? null : await ChartLinkAsync(measured, cancellationToken));
        await ToEachAsync(chats, campaign, "results", reference => connector.SendAsync(reference with
        {
            Type = "message",
            Text = $"Campaign {campaign.Id} ({campaign.Name}) has concluded: here are its final results.",
            Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)],
        }, cancellationToken));
    }

    /// <summary>Sends to each chat; one that fails (the bot removed, the conversation gone) is logged and the others still get theirs.</summary>
    private async Task ToEachAsync(IReadOnlyList<(string Manager, BotActivity Reference)> chats, CampaignView campaign, string what, Func<BotActivity, Task> send)
    {
        foreach (var (manager, reference) in chats)
        {
            try
            {
                await send(reference);
                logger.LogInformation("Sent campaign {Id}'s {What} to {User} on Teams", campaign.Id, what, manager);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "Could not send campaign {Id}'s {What} to {User} on Teams", campaign.Id, what, manager);
            }
        }
    }

    /// <summary>The results chart as a stored PNG behind a signed link.</summary>
    private async Task<string?> ChartLinkAsync(CampaignResultsView measured, CancellationToken cancellationToken)
    {
        var communityId = await db.Communities.Where(c => c.Slug == measured.Campaign.Community).Select(c => c.Id).FirstAsync(cancellationToken);
        var fileName = $"campaign-{measured.Campaign.Id}-results.png";
        var mediaType = ExportFormat.Png.MediaType();
        var stored = await artifacts.SaveAsync(communityId, $"Results of campaign {measured.Campaign.Id}", fileName, mediaType,
            ChartRenderer.Render(measured.Chart, ExportFormat.Png), cancellationToken);
        return mediaLinks.LinkTo(stored.Id, fileName, mediaType);
    }

    /// <summary>The personal chats with the bot of the community's managers (other than <paramref name="except"/>), as references to write to.</summary>
    private async Task<IReadOnlyList<(string Manager, BotActivity Reference)>> ManagerChatsAsync(string communitySlug, string? except, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return [];
        }
        var communityId = await db.Communities.Where(c => c.Slug == communitySlug).Select(c => c.Id).FirstAsync(cancellationToken);
        var conversations = await db.TeamsConversations.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.UserId != except).ToListAsync(cancellationToken);
        var chats = new List<(string, BotActivity)>();
        foreach (var conversation in conversations)
        {
            var reference = JsonSerializer.Deserialize<BotActivity>(conversation.ReferenceJson, BotActivity.Json)!;
            var role = await roles.RoleAsync(communityId, conversation.UserId, cancellationToken);
            // Teams personal chats only: a group chat would show one manager's campaign business to everyone in it, and
            // other channels' conversations (a Web Chat session) do not last.
            if (role is >= CommunityRole.Manager && AdaptiveCards.RunsUniversalActions(reference.ChannelId) && reference.Conversation?.ConversationType == "personal")
            {
                chats.Add((conversation.UserId, reference with { ReplyToId = null }));
            }
        }
        return chats;
    }
}
