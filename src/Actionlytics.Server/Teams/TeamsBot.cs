using System.Text.Json;
using System.Text.RegularExpressions;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
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
        string answer;
        try
        {
            var turn = await agent.AskAsync(community.Value.Slug, user, threadId, question, cancellationToken, typing);
            answer = turn.Answer;
        }
        catch (Exception e) when (e is ChatRequestException or RoleRequiredException)
        {
            answer = e.Message;
        }
        await connector.SendAsync(activity.Reply() with { Text = answer, TextFormat = "markdown" }, cancellationToken);
    }

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
