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
    IServiceProvider services,
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
        foreach (var (manager, reference) in await ManagerChatsAsync(campaign.Community, except: requestedBy, cancellationToken))
        {
            await cards.SendAsync(reference, campaign,
                $"Campaign {campaign.Id} ({campaign.Name}) waits for a manager's approval; {requestedBy} drafted it.", cancellationToken);
            logger.LogInformation("Asked {User} on Teams to review campaign {Id}", manager, campaign.Id);
        }
    }

    public Task CampaignChangedAsync(CampaignView campaign, CancellationToken cancellationToken) =>
        options.CurrentValue.Enabled ? cards.UpdateAllAsync(campaign, cancellationToken) : Task.CompletedTask;

    public async Task CampaignConcludedAsync(CampaignView campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        // Resolved here: CampaignResults needs CampaignService, which needs its notifiers.
        var results = services.GetRequiredService<CampaignResults>();
        string? chartUrl = null;
        foreach (var (manager, reference) in await ManagerChatsAsync(campaign.Community, except: null, cancellationToken))
        {
            var measured = await results.ResultsAsync(campaign.Id, manager, cancellationToken);
            chartUrl ??= await ChartLinkAsync(measured, cancellationToken);
            await connector.SendAsync(reference with
            {
                Type = "message",
                Text = $"Campaign {campaign.Id} ({campaign.Name}) has concluded: here are its final results.",
                Attachments = [new BotAttachment(AdaptiveCards.ContentType, AdaptiveCards.Results(measured, chartUrl))],
            }, cancellationToken);
            logger.LogInformation("Sent campaign {Id}'s results to {User} on Teams", campaign.Id, manager);
        }
    }

    /// <summary>The results chart as a stored PNG behind a signed link (null when the server's public address is unknown).</summary>
    private async Task<string?> ChartLinkAsync(CampaignResultsView measured, CancellationToken cancellationToken)
    {
        var communityId = await db.Communities.Where(c => c.Slug == measured.Campaign.Community).Select(c => c.Id).FirstAsync(cancellationToken);
        var fileName = $"campaign-{measured.Campaign.Id}-results.png";
        var stored = await artifacts.SaveAsync(communityId, $"Results of campaign {measured.Campaign.Id}", fileName, ExportFormat.Png.MediaType(),
            ChartRenderer.Render(measured.Chart, ExportFormat.Png), cancellationToken);
        return mediaLinks.LinkTo(stored.Id, fileName);
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
            // Personal chats only: a group chat would show one manager's campaign business to everyone in it.
            if (role is >= CommunityRole.Manager && reference.Conversation?.ConversationType is null or "personal")
            {
                chats.Add((conversation.UserId, reference with { ReplyToId = null }));
            }
        }
        return chats;
    }
}
