using System.Text.Json;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Actionlytics.Agent.Chat;

/// <summary>
/// Runs conversation turns: loads the thread, gives the model the system prompt, the recent history and the tools of
/// the caller's community, lets the pipeline call tools, stores the turn, and reports calls, artifacts and citations.
/// Approval-required calls stop at a <see cref="PendingApproval"/>; only <see cref="DecideAsync"/>, a person's action
/// in a channel, runs or drops them.
/// </summary>
public sealed class AgentChat(
    IChatClient pipeline,
    AgentToolbox toolbox,
    AgentPrompts prompts,
    IOptions<AgentOptions> options,
    CommunityDirectory communities,
    CommunityAnalytics analytics,
    ConversationStore conversations,
    IServiceProvider services)
{
    public async Task<TurnResult> AskAsync(string communitySlug, string userId, string? threadId, string question, CancellationToken cancellationToken, IProgress<ChatEvent>? progress = null)
    {
        question = (question ?? "").Trim();
        if (question.Length == 0)
        {
            throw new ChatRequestException("The question is empty.");
        }
        if (question.Length > options.Value.MaxQuestionChars)
        {
            throw new ChatRequestException($"The question is longer than {options.Value.MaxQuestionChars} characters.");
        }
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var thread = threadId is null
            ? await conversations.CreateThreadAsync(community.Id, userId, question.Length > 80 ? question[..80] : question, cancellationToken)
            : await OwnedThreadAsync(threadId, community.Id, userId, cancellationToken);
        return await RunAsync(community, thread, userId, new ChatMessage(ChatRole.User, question), progress, cancellationToken);
    }

    /// <summary>A person approves or rejects a pending proposal of a thread; approving runs exactly the call that was proposed.</summary>
    public async Task<TurnResult> DecideAsync(string communitySlug, string userId, string threadId, string approvalId, bool approved, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var thread = await OwnedThreadAsync(threadId, community.Id, userId, cancellationToken);
        var history = await HistoryAsync(thread.Id, cancellationToken);
        var request = history.SelectMany(m => m.Contents.OfType<ToolApprovalRequestContent>()).LastOrDefault(r => r.RequestId == approvalId)
            ?? throw new ChatNotFoundException($"No proposal {approvalId} in this thread.");
        if (history.SelectMany(m => m.Contents.OfType<ToolApprovalResponseContent>()).Any(r => r.RequestId == approvalId))
        {
            throw new ChatRequestException("This proposal was already decided.");
        }
        var decision = new ChatMessage(ChatRole.User, [request.CreateResponse(approved, approved ? null : $"Rejected by {userId}.")]);
        return await RunAsync(community, thread, userId, decision, null, cancellationToken);
    }

    /// <summary>A user's threads in a community, latest first.</summary>
    public async Task<IReadOnlyList<ChatThread>> ThreadsAsync(string communitySlug, string userId, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        return await conversations.ListThreadsAsync(community.Id, userId, cancellationToken);
    }

    /// <summary>A thread's turns as the channels show them: each user message with the answer, calls and artifacts it got.</summary>
    public async Task<IReadOnlyList<(string Question, TurnResult Result)>> TranscriptAsync(string communitySlug, string userId, string threadId, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var thread = await OwnedThreadAsync(threadId, community.Id, userId, cancellationToken);
        var history = await HistoryAsync(thread.Id, cancellationToken);
        var turns = new List<(string, TurnResult)>();
        var start = 0;
        for (var i = 1; i <= history.Count; i++)
        {
            if (i == history.Count || history[i].Role == ChatRole.User)
            {
                var turn = history[start..i];
                turns.Add((turn[0].Text, Summarise(thread.Id, turn)));
                start = i;
            }
        }
        return turns;
    }

    private async Task<TurnResult> RunAsync(Core.Communities.Community community, ChatThread thread, string userId, ChatMessage message, IProgress<ChatEvent>? progress, CancellationToken cancellationToken)
    {
        var today = analytics.Today(community);
        var scope = new ToolScope(community, userId, today, services);
        var history = Reduce(await HistoryAsync(thread.Id, cancellationToken));
        List<ChatMessage> messages = [new(ChatRole.System, prompts.SystemPrompt(community.Name, community.TimeZone, today)), .. history, message];
        var chatOptions = new ChatOptions
        {
            // Approval-required tools stay as they are: the pipeline must see their marker to stop at a proposal.
            Tools = [.. toolbox.For(scope).Select(t => progress is not null && t is AIFunction f && t is not ApprovalRequiredAIFunction ? new ReportingFunction(f, progress) : t)],
            AdditionalProperties = new AdditionalPropertiesDictionary { [OfflineChatClient.TodayOption] = RequestReader.Day(today) },
        };

        var response = await pipeline.GetResponseAsync(messages, chatOptions, cancellationToken);
        var turn = new List<ChatMessage> { message };
        turn.AddRange(response.Messages);
        await conversations.AppendAsync(thread.Id, [.. turn.Select(m => (m.Role.Value, JsonSerializer.Serialize(m, AIJsonUtilities.DefaultOptions)))], cancellationToken);
        return Summarise(thread.Id, turn);
    }

    private async Task<ChatThread> OwnedThreadAsync(string threadId, int communityId, string userId, CancellationToken cancellationToken)
    {
        var thread = await conversations.FindThreadAsync(threadId, cancellationToken);
        // Another user's or another community's thread is reported as missing: its existence is not the caller's business.
        return thread is not null && thread.CommunityId == communityId && thread.UserId == userId
            ? thread
            : throw new ChatNotFoundException($"No thread {threadId} in this community for you.");
    }

    private async Task<List<ChatMessage>> HistoryAsync(string threadId, CancellationToken cancellationToken) =>
        (await conversations.MessagesAsync(threadId, cancellationToken))
            .Select(r => JsonSerializer.Deserialize<ChatMessage>(r.ContentJson, AIJsonUtilities.DefaultOptions)!)
            .ToList();

    /// <summary>
    /// Keeps the latest messages, cutting only at the start of a user turn so a tool call never loses its result; the
    /// calls kept carry the arguments follow-ups need ("same for last month" repeats the last call).
    /// </summary>
    private List<ChatMessage> Reduce(List<ChatMessage> history)
    {
        var max = options.Value.MaxHistoryMessages;
        if (history.Count <= max)
        {
            return history;
        }
        var start = history.Count - max;
        while (start < history.Count && !(history[start].Role == ChatRole.User && history[start].Contents.OfType<TextContent>().Any()))
        {
            start++;
        }
        return history[start..];
    }

    private static TurnResult Summarise(string threadId, List<ChatMessage> turn)
    {
        var calls = turn.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
        var results = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Select(r => r.Result).OfType<JsonElement>().Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var artifacts = results.Where(r => r.TryGetProperty("artifact", out _))
            .Select(r => r.GetProperty("artifact").Deserialize<ArtifactInfo>(ToolJson.Options)!).ToList();
        var citations = results.SelectMany(r =>
            r.TryGetProperty("playbooks", out var hits) ? hits.EnumerateArray().Select(h => h.GetProperty("citation").GetString()!)
            : r.TryGetProperty("variants", out var variants) ? variants.EnumerateArray().Select(v => v.GetProperty("citation").GetString()!)
            : []).Distinct().ToList();
        var answered = turn.SelectMany(m => m.Contents.OfType<ToolApprovalResponseContent>()).Select(r => r.RequestId).ToHashSet();
        var pending = turn.SelectMany(m => m.Contents.OfType<ToolApprovalRequestContent>())
            .Where(r => !answered.Contains(r.RequestId) && r.ToolCall is FunctionCallContent)
            .Select(r => new PendingApproval(r.RequestId, ((FunctionCallContent)r.ToolCall).Name, JsonSerializer.SerializeToElement(((FunctionCallContent)r.ToolCall).Arguments, ToolJson.Options)))
            .ToList();
        var answer = string.Join("\n\n", turn.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        return new TurnResult(threadId, answer,
            [.. calls.Select(c => new ToolCallRecord(c.Name, JsonSerializer.SerializeToElement(c.Arguments ?? new Dictionary<string, object?>(), ToolJson.Options)))],
            artifacts, citations, pending);
    }
}

/// <summary>A chat request that cannot be served as asked (empty, too long, already decided).</summary>
public sealed class ChatRequestException(string message) : Exception(message);

/// <summary>A thread or proposal that does not exist for the caller.</summary>
public sealed class ChatNotFoundException(string message) : Exception(message);
