using System.Text.Json;
using System.Text.RegularExpressions;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Actionlytics.Campaigns;
using Actionlytics.Core.Refusals;
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
    CampaignCardDelivery campaignCards,
    TeamsAnswers answers,
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
    /// <summary>
    /// The person behind an activity, as community roles name them, or null when the channel cannot be trusted to say:
    /// Teams names them by their Entra ID object id (<c>aad:ID</c>); a channel in <see cref="TeamsOptions.TrustedChannels"/>
    /// by its user id (<c>channel:CHANNEL:ID</c>). Elsewhere the client chooses its ids, so they name nobody.
    /// </summary>
    public string? UserOf(BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (AdaptiveCards.RunsUniversalActions(activity.ChannelId))
        {
            return activity.From?.AadObjectId is { Length: > 0 } aad ? "aad:" + aad.ToLowerInvariant() : null;
        }
        return activity.ChannelId is { Length: > 0 } channel && activity.From?.Id is { Length: > 0 } id
            && options.CurrentValue.TrustedChannels.Contains(channel, StringComparer.OrdinalIgnoreCase)
                ? $"channel:{channel}:{id}".ToLowerInvariant()
                : null;
    }

    public async Task HandleAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var user = UserOf(activity);
        switch (activity.Type)
        {
            case "message" when user is null:
                await connector.SendAsync(activity.Reply() with
                {
                    Text = prompts.Answers(LanguageOf(activity)).Text("teams_untrusted_channel").Replace("{channel}", activity.ChannelId, StringComparison.Ordinal),
                }, cancellationToken);
                break;
            case "message" when CardClick.Of(activity.Value) is { } click:
                await DecideOnCardAsync(activity, user, click, cancellationToken);
                break;
            case "message" when !string.IsNullOrWhiteSpace(activity.Text):
                await AnswerAsync(activity, user, cancellationToken);
                break;
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                await connector.SendAsync(activity.Reply() with { Text = prompts.Answers(LanguageOf(activity)).Text("teams_welcome") }, cancellationToken);
                break;
            case "messageReaction" when activity.ReactionsAdded is { Count: > 0 } reactions:
                // Reactions to answers are the managers' verdict on them: kept in the logs (and traces) for the team.
                logger.LogInformation("{User} reacted {Reactions} to message {Message}", user ?? "someone unknown",
                    string.Join(", ", reactions.Select(r => r.Type)), activity.ReplyToId);
                break;
            default:
                logger.LogDebug("Ignored a {Type} activity", activity.Type);
                break;
        }
    }

    private async Task AnswerAsync(BotActivity activity, string user, CancellationToken cancellationToken)
    {
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
        catch (RefusalException e)
        {
            // Teams' side of the one refusal model: the person reads why, in the conversation.
            await connector.SendAsync(activity.Reply() with { Text = e.Message }, cancellationToken);
            return;
        }
        await connector.SendAsync(answers.Compose(activity.Reply(), turn), cancellationToken);
        // Each campaign card is a message of its own, so that it can be replaced alone when the campaign changes.
        foreach (var drafted in turn.Results<CampaignDraftResult>().Where(r => r.Draft.CampaignId is not null))
        {
            var campaign = await campaigns.GetAsync(drafted.Draft.CampaignId!.Value, user, cancellationToken);
            await campaignCards.SendAsync(activity.Reply(), campaign, null, cancellationToken);
        }
    }

    /// <summary>
    /// A click on a card's <c>Action.Execute</c> (Teams): approve or reject the exact campaign version the card shows,
    /// as the person who clicked, who must be a manager of its community. The answer is the card to show in its place;
    /// after a decision every copy of the card is replaced too, so everyone sees who decided and when.
    /// </summary>
    public async Task<object> InvokeAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var action = activity.Name == "adaptiveCard/action" && activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var click = action is { } clicked && clicked.TryGetProperty("data", out var data) && CardClick.Of(data) is { } onCard
            ? onCard with { Verb = clicked.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : onCard.Verb }
            : null;
        if (click is null)
        {
            return InvokeError(400, "This bot only handles Action.Execute on its campaign cards.");
        }
        if (UserOf(activity) is not { } user)
        {
            return InvokeError(404, $"There is no campaign {click.CampaignId} for you.");
        }
        try
        {
            var (campaign, notice) = await DecideAsync(activity, user, click, cancellationToken);
            return new { statusCode = 200, type = AdaptiveCards.ContentType, value = await campaignCards.CardAsync(campaign, universalActions: true, notice, cancellationToken) };
        }
        catch (RefusalException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            // Out of reach and missing look alike: ids reveal nothing of other communities.
            return InvokeError(404, $"There is no campaign {click.CampaignId} for you.");
        }
        catch (RefusalException e)
        {
            return InvokeError(Api.RefusalProblems.StatusOf(e.Kind), e.Message);
        }
    }

    /// <summary>
    /// A click on a card's <c>Action.Submit</c> (channels without Universal Actions, such as Web Chat): the same
    /// decision. The campaign's notifier replaces the cards where the channel allows it; elsewhere the decided card
    /// comes as a reply. A refusal is told in a reply.
    /// </summary>
    private async Task DecideOnCardAsync(BotActivity activity, string user, CardClick click, CancellationToken cancellationToken)
    {
        try
        {
            var (campaign, notice) = await DecideAsync(activity, user, click, cancellationToken);
            if (notice is not null)
            {
                await connector.SendAsync(activity.Reply() with { Text = notice }, cancellationToken);
            }
            else if (!AdaptiveCards.UpdatesMessages(activity.ChannelId))
            {
                var card = await campaignCards.CardAsync(campaign, universalActions: false, null, cancellationToken);
                await connector.SendAsync(activity.Reply() with { Attachments = [new BotAttachment(AdaptiveCards.ContentType, card)] }, cancellationToken);
            }
        }
        catch (RefusalException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            await connector.SendAsync(activity.Reply() with { Text = $"There is no campaign {click.CampaignId} for you." }, cancellationToken);
        }
        catch (RefusalException e)
        {
            await connector.SendAsync(activity.Reply() with { Text = e.Message }, cancellationToken);
        }
    }

    /// <summary>Approves or rejects as the clicker; a refusal (not a manager, the campaign changed since) becomes a notice.</summary>
    private async Task<(CampaignView Campaign, string? Notice)> DecideAsync(BotActivity activity, string user, CardClick click, CancellationToken cancellationToken)
    {
        string? notice = null;
        try
        {
            if (click.Verb == AdaptiveCards.ApproveVerb)
            {
                await campaigns.ApproveAsync(click.CampaignId, click.Version, user, cancellationToken);
            }
            else if (click.Verb == AdaptiveCards.RejectVerb)
            {
                await campaigns.RejectAsync(click.CampaignId, click.Version, $"Rejected on its card ({activity.ChannelId}).", user, cancellationToken);
            }
        }
        catch (RefusalException e) when (e.Kind is RefusalKind.Forbidden or RefusalKind.Conflict)
        {
            notice = e.Message; // the card stays as it was, with the reason
        }
        return (await campaigns.GetAsync(click.CampaignId, user, cancellationToken), notice);
    }

    /// <summary>What a click on a campaign card carries: the campaign, the exact version the card showed, and the verb.</summary>
    private sealed record CardClick(long CampaignId, int Version, string? Verb)
    {
        public static CardClick? Of(JsonElement? data) =>
            data is { ValueKind: JsonValueKind.Object } d
            && d.TryGetProperty("campaignId", out var id) && id.TryGetInt64(out var campaignId)
            && d.TryGetProperty("version", out var v) && v.TryGetInt32(out var version)
                ? new CardClick(campaignId, version, d.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : null)
                : null;
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
