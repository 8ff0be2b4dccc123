using System.Text.Json;
using System.Text.RegularExpressions;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
using Actionlytics.Campaigns;
using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Data.Store;
using Actionlytics.Data.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// What the bot does with an authenticated activity: a message is a question to the agent, asked as the Teams user
/// (their Entra ID object id names them in community roles) in the thread of their conversation, answered through
/// the Bot Connector with typing indicators while tools run; a bot added to a conversation says hello.
/// </summary>
public sealed partial class TeamsBot(
    BotConnectorClient connector,
    CampaignService campaigns,
    AgentChat agent,
    AgentPrompts prompts,
    CommunityRoles roles,
    CommunityDirectory communities,
    ConversationStore conversations,
    ActionlyticsDbContext db,
    IOptionsMonitor<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsBot> logger)
{
    /// <summary>The person behind an activity, as community roles name them.</summary>
    public static string UserOf(BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.From?.AadObjectId is { Length: > 0 } aad
            ? "aad:" + aad.ToLowerInvariant()
            : $"channel:{activity.ChannelId}:{activity.From?.Id}".ToLowerInvariant();
    }

    public async Task HandleAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case "message" when !string.IsNullOrWhiteSpace(activity.Text):
                await AnswerAsync(activity, cancellationToken);
                break;
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                await connector.SendAsync(activity.Reply() with { Text = prompts.Answers(LanguageOf(activity)).Text("teams_welcome") }, cancellationToken);
                break;
            default:
                logger.LogDebug("Ignored a {Type} activity", activity.Type);
                break;
        }
    }

    private async Task AnswerAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        var user = UserOf(activity);
        var question = Mention().Replace(activity.Text!, "").Trim();
        var language = RequestReader.LanguageOf(question);
        await connector.SendAsync(activity.Reply("typing"), cancellationToken);

        var community = await CommunityOfAsync(user, cancellationToken);
        if (community is null)
        {
            await connector.SendAsync(activity.Reply() with { Text = prompts.Answers(language).Text("teams_no_role").Replace("{user}", user, StringComparison.Ordinal) }, cancellationToken);
            return;
        }
        var threadId = await ThreadOfAsync(activity, user, community.Value, question, cancellationToken);
        var typing = new TypingWhileToolsRun(connector, activity, logger);
        TurnResult turn;
        try
        {
            turn = await agent.AskAsync(community.Value.Slug, user, threadId, question, cancellationToken, typing);
        }
        catch (Exception e) when (e is ChatRequestException or RoleRequiredException)
        {
            await connector.SendAsync(activity.Reply() with { Text = e.Message }, cancellationToken);
            return;
        }
        var cards = new List<BotAttachment>();
        var citations = turn.ToolCalls.Where(c => c.Name == "search_playbooks" && c.Result is { } r && r.TryGetProperty("playbooks", out _))
            .SelectMany(c => c.Result!.Value.GetProperty("playbooks").EnumerateArray())
            .Select(h => (h.GetProperty("title").GetString()!, h.GetProperty("section").GetString()!, h.GetProperty("excerpt").GetString()!))
            .ToList();
        if (citations.Count > 0)
        {
            cards.Add(new BotAttachment(AdaptiveCards.ContentType, AdaptiveCards.Citations(citations)));
        }
        foreach (var call in turn.ToolCalls.Where(c => c.Name == "draft_campaign" && c.Result is { } r && r.TryGetProperty("campaign_id", out var id) && id.ValueKind == JsonValueKind.Number))
        {
            var campaign = await campaigns.GetAsync(call.Result!.Value.GetProperty("campaign_id").GetInt64(), user, cancellationToken);
            cards.Add(new BotAttachment(AdaptiveCards.ContentType, AdaptiveCards.Campaign(campaign)));
        }
        await connector.SendAsync(activity.Reply() with { Text = turn.Answer, TextFormat = "markdown", Attachments = cards.Count > 0 ? cards : null }, cancellationToken);
    }

    /// <summary>
    /// A click on a card's <c>Action.Execute</c>: approve or reject the exact campaign version the card shows, as the
    /// person who clicked, who must be a manager of its community. The answer is the card to show in its place; after
    /// a decision the card is also replaced in the conversation, so everyone sees who decided and when.
    /// </summary>
    public async Task<object> InvokeAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Name != "adaptiveCard/action" || activity.Value is not { } value
            || !value.TryGetProperty("action", out var action) || !action.TryGetProperty("data", out var data)
            || !data.TryGetProperty("campaignId", out var idElement) || !idElement.TryGetInt64(out var id)
            || !data.TryGetProperty("version", out var versionElement) || !versionElement.TryGetInt32(out var version))
        {
            return InvokeError(400, "This bot only handles Action.Execute on its campaign cards.");
        }
        var verb = action.TryGetProperty("verb", out var v) ? v.GetString() : null;
        var user = UserOf(activity);
        try
        {
            string? notice = null;
            try
            {
                if (verb == AdaptiveCards.ApproveVerb)
                {
                    await campaigns.ApproveAsync(id, version, user, cancellationToken);
                }
                else if (verb == AdaptiveCards.RejectVerb)
                {
                    await campaigns.RejectAsync(id, version, "Rejected in Microsoft Teams.", user, cancellationToken);
                }
            }
            catch (Exception e) when (e is RoleRequiredException or CampaignStateException)
            {
                notice = e.Message; // the card stays as it was, with the reason
            }
            var card = AdaptiveCards.Campaign(await campaigns.GetAsync(id, user, cancellationToken), notice);
            if (notice is null && verb != AdaptiveCards.RefreshVerb && activity.ReplyToId is { } cardMessage)
            {
                // Without a notice the clicker's card is the one everyone should see.
                await connector.UpdateAsync(cardMessage, activity.Reply() with { ReplyToId = null, Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)] }, cancellationToken);
            }
            return new { statusCode = 200, type = AdaptiveCards.ContentType, value = card };
        }
        catch (Exception e) when (e is CampaignNotFoundException or RoleRequiredException)
        {
            // Out of reach and missing look alike: ids reveal nothing of other communities.
            return InvokeError(404, $"There is no campaign {id} for you.");
        }
    }

    private static object InvokeError(int status, string message) =>
        new { statusCode = status, type = "application/vnd.microsoft.error", value = new { code = status == 404 ? "NotFound" : "BadRequest", message } };

    /// <summary>The community the user talks about: the configured default if they hold a role there, else their first.</summary>
    private async Task<(int Id, string Slug)?> CommunityOfAsync(string user, CancellationToken cancellationToken)
    {
        var held = await roles.RolesOfAsync(user, cancellationToken);
        var slug = held.Any(r => r.Slug == options.CurrentValue.DefaultCommunity) ? options.CurrentValue.DefaultCommunity : held.Count > 0 ? held[0].Slug : null;
        if (slug is null)
        {
            return null;
        }
        var community = await communities.GetAsync(slug, cancellationToken);
        return (community.Id, community.Slug);
    }

    /// <summary>The chat thread of this Teams conversation and person (created on the first message), with the reference kept up to date.</summary>
    private async Task<string> ThreadOfAsync(BotActivity activity, string user, (int Id, string Slug) community, string question, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id;
        var row = await db.TeamsConversations.FirstOrDefaultAsync(c => c.ConversationId == conversationId && c.UserId == user, cancellationToken);
        var reference = JsonSerializer.Serialize(activity.Reply() with { ReplyToId = null, Locale = null }, BotActivity.Json);
        if (row is null || row.CommunityId != community.Id)
        {
            var thread = await conversations.CreateThreadAsync(community.Id, user, "Teams: " + (question.Length > 60 ? question[..60] : question), cancellationToken);
            if (row is null)
            {
                row = new TeamsConversation { ConversationId = conversationId, UserId = user, ThreadId = thread.Id, ServiceUrl = activity.ServiceUrl!, ReferenceJson = reference };
                db.TeamsConversations.Add(row);
            }
            row.ThreadId = thread.Id;
            row.CommunityId = community.Id;
        }
        row.ServiceUrl = activity.ServiceUrl!;
        row.ReferenceJson = reference;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return row.ThreadId;
    }

    private static string LanguageOf(BotActivity activity) => activity.Locale is { Length: >= 2 } locale ? locale[..2].ToLowerInvariant() : "en";

    /// <summary>Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> in front of a question asked in a group chat or channel.</summary>
    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    /// <summary>Sends a typing indicator when a tool starts, so the user sees the bot at work.</summary>
    private sealed class TypingWhileToolsRun(BotConnectorClient connector, BotActivity activity, ILogger logger) : IProgress<ChatEvent>
    {
        public void Report(ChatEvent value)
        {
            if (value.Kind != "tool_started")
            {
                return;
            }
            // Fire and forget: a lost typing indicator must not slow or fail the answer.
            _ = connector.SendAsync(activity.Reply("typing"), CancellationToken.None).ContinueWith(
                t => logger.LogDebug(t.Exception, "A typing indicator was not delivered"), TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}
