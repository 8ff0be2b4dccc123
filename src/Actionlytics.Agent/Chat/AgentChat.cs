using System.Text.Json;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actionlytics.Agent.Chat;

/// <summary>
/// Runs conversation turns: loads the thread, gives the model the system prompt, the recent history and the tools of
/// the caller's community, lets the pipeline call tools, stores the turn, and reports calls, artifacts and citations.
/// Approval-required calls stop at a <see cref="PendingApproval"/>; only <c>DecideAsync</c>, a person's action
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
    CommunityRoles roles,
    IServiceProvider services)
{
    private readonly AnswerWriter _writer = new(prompts);

    public async Task<TurnResult> AskAsync(string communitySlug, string userId, string? threadId, string question, CancellationToken cancellationToken, IProgress<ChatEvent>? progress = null)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var thread = threadId is null ? null : await OwnedThreadAsync(threadId, community.Id, userId, cancellationToken);
        return await AskAsync(community, thread, userId, question, cancellationToken, progress);
    }

    /// <summary>Asks in a thread the channel has already resolved and checked (or a new one when <paramref name="thread"/> is null).</summary>
    public async Task<TurnResult> AskAsync(
        Core.Communities.Community community, ChatThread? thread, string userId, string question, CancellationToken cancellationToken, IProgress<ChatEvent>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(community);
        question = (question ?? "").Trim();
        if (question.Length == 0)
        {
            throw new ChatRequestException("The question is empty.");
        }
        if (question.Length > options.Value.MaxQuestionChars)
        {
            throw new ChatRequestException($"The question is longer than {options.Value.MaxQuestionChars} characters.");
        }
        if (thread is not null && (thread.CommunityId != community.Id || thread.UserId != userId))
        {
            throw new ChatNotFoundException($"No thread {thread.Id} in this community for you.");
        }
        thread ??= await conversations.CreateThreadAsync(community.Id, userId, question.Length > 80 ? question[..80] : question, cancellationToken);
        return await RunAsync(community, thread, userId, new ChatMessage(ChatRole.User, question), progress, lockHeld: false, cancellationToken);
    }

    /// <summary>A person approves or rejects a pending proposal of a thread; approving runs exactly the call that was proposed.</summary>
    public async Task<TurnResult> DecideAsync(string communitySlug, string userId, string threadId, string approvalId, bool approved, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var thread = await OwnedThreadAsync(threadId, community.Id, userId, cancellationToken);
        return await DecideAsync(community, thread, userId, approvalId, approved, cancellationToken);
    }

    /// <summary>Decides in a thread the channel has already resolved and checked.</summary>
    public async Task<TurnResult> DecideAsync(Core.Communities.Community community, ChatThread thread, string userId, string approvalId, bool approved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(thread);
        // Deciding runs a side effect: the same role as approving a campaign, whatever the channel.
        await roles.RequireAsync(community.Id, community.Slug, userId, Core.Communities.CommunityRole.Manager, "approve proposals", cancellationToken);
        using var turnLock = await ThreadLock.TakeAsync(thread.Id, cancellationToken);
        var history = await HistoryAsync(thread.Id, cancellationToken);
        var holder = history.LastOrDefault(m => m.Contents.OfType<ToolApprovalRequestContent>().Any(r => r.RequestId == approvalId))
            ?? throw new ChatNotFoundException($"No proposal {approvalId} in this thread.");
        var answered = Answered(history);
        if (answered.Contains(approvalId))
        {
            throw new ChatRequestException("This proposal was already decided.");
        }
        // A model may batch calls; the pipeline then holds all of them for approval. The decided one gets the person's
        // decision; the read-only ones beside it run; other side-effecting ones are declined (they can be proposed again).
        var responses = holder.Contents.OfType<ToolApprovalRequestContent>().Where(r => !answered.Contains(r.RequestId)).Select(r =>
            r.RequestId == approvalId ? r.CreateResponse(approved, approved ? null : $"Rejected by {userId}.")
            : r.CreateResponse(r.ToolCall is FunctionCallContent call && !ToolCatalog.NeedsApproval(call.Name), "Only one proposal is decided at a time.")).ToList();
        var decision = new ChatMessage(ChatRole.User, [.. responses]);
        return await RunAsync(community, thread, userId, decision, null, lockHeld: true, cancellationToken);
    }

    /// <summary>
    /// Runs one read-only question through the whole pipeline (model, tools, answer) and stores nothing: the first
    /// manager's question after a start then does not pay for building the tools' schemas and compiling the pipeline.
    /// </summary>
    public async Task WarmUpAsync(string communitySlug, string question, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var today = analytics.Today(community);
        var scope = new ToolScope(community, CommunityRoles.LocalUser, today, services);
        var terms = await TermsAsync(community, cancellationToken);
        var chatOptions = new ChatOptions
        {
            // Only tools that change nothing: a warm-up must not draft, save or send anything.
            Tools = [.. toolbox.For(scope, t => t.Kind == ToolKind.Reads)],
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [OfflineChatClient.TodayOption] = RequestReader.Day(today),
                [OfflineChatClient.ActionsOption] = terms.Actions,
            },
        };
        List<ChatMessage> messages = [new(ChatRole.System, prompts.SystemPrompt(community.Name, community.TimeZone, today, terms.Actions)), new(ChatRole.User, question)];
        await pipeline.GetResponseAsync(messages, chatOptions, cancellationToken);
    }

    /// <summary>A user's threads in a community, latest first.</summary>
    public async Task<IReadOnlyList<ChatThread>> ThreadsAsync(string communitySlug, string userId, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        return await conversations.ListThreadsAsync(community.Id, userId, cancellationToken);
    }

    /// <summary>A thread's turns as the channels show them: each user message with the answer, calls and artifacts it got.</summary>
    public async Task<IReadOnlyList<(string Question, TurnResult Result)>> TranscriptAsync(ChatThread thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var history = await HistoryAsync(thread.Id, cancellationToken);
        var community = await communities.GetAsync(await communities.SlugOfAsync(thread.CommunityId, cancellationToken) ?? "", cancellationToken);
        var (today, terms) = (analytics.Today(community), await TermsAsync(community, cancellationToken));
        var turns = new List<(string, TurnResult)>();
        var start = 0;
        for (var i = 1; i <= history.Count; i++)
        {
            if (i == history.Count || history[i].Role == ChatRole.User)
            {
                var turn = history[start..i];
                turns.Add((turn[0].Text, Summarise(thread.Id, turn, Answered(history), today, terms)));
                start = i;
            }
        }
        return turns;
    }

    private async Task<TurnResult> RunAsync(
        Core.Communities.Community community, ChatThread thread, string userId, ChatMessage message, IProgress<ChatEvent>? progress, bool lockHeld, CancellationToken cancellationToken)
    {
        // One turn at a time per thread: two requests would read the same history and both append after it.
        using var turnLock = lockHeld ? null : await ThreadLock.TakeAsync(thread.Id, cancellationToken);
        var today = analytics.Today(community);
        var scope = new ToolScope(community, userId, today, services);
        var stored = await HistoryAsync(thread.Id, cancellationToken);
        var history = WithoutUndecidedProposals(Reduce(stored), message);
        var terms = await TermsAsync(community, cancellationToken);
        List<ChatMessage> messages = [new(ChatRole.System, prompts.SystemPrompt(community.Name, community.TimeZone, today, terms.Actions)), .. history, message];
        var chatOptions = new ChatOptions
        {
            // Approval-required tools stay as they are: the pipeline must see their marker to stop at a proposal.
            Tools = [.. toolbox.For(scope).Select(t => progress is not null && t is AIFunction f && t is not ApprovalRequiredAIFunction ? new ReportingFunction(f, progress) : t)],
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [OfflineChatClient.TodayOption] = RequestReader.Day(today),
                [OfflineChatClient.ActionsOption] = terms.Actions,
            },
        };

        // The model's answer streams: each piece of text reaches the channel as the model writes it.
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in pipeline.GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
        {
            updates.Add(update);
            if (progress is not null && update.Role != ChatRole.Tool && update.Text is { Length: > 0 } text)
            {
                progress.Report(ChatEvent.AnswerText(text));
            }
        }
        var turn = new List<ChatMessage> { message };
        turn.AddRange(updates.ToChatResponse().Messages);
        // Tools have run: the turn is stored even if the caller has gone, or the thread would not show what was done.
        await conversations.AppendAsync(thread.Id, [.. turn.Select(m => (m.Role.Value, JsonSerializer.Serialize(m, AIJsonUtilities.DefaultOptions)))], CancellationToken.None);
        var result = Summarise(thread.Id, turn, Answered([.. stored, .. turn]), today, terms);
        return result.PendingApprovals.Count > 0 && result.Answer.Length == 0
            ? result with { Answer = ProposalText(message, result.PendingApprovals) }
            : result;
    }

    /// <summary>
    /// Proposals left undecided stay decidable, but the model does not see them: the pipeline refuses a history with an
    /// approval request and no answer to it. The decision being sent keeps its own request.
    /// </summary>
    private static List<ChatMessage> WithoutUndecidedProposals(List<ChatMessage> history, ChatMessage next)
    {
        var answered = Answered([.. history, next]);
        return history.Select(m =>
        {
            var kept = m.Contents.Where(c => c is not ToolApprovalRequestContent r || answered.Contains(r.RequestId)).ToList();
            return kept.Count == m.Contents.Count ? m : new ChatMessage(m.Role, kept) { MessageId = m.MessageId, AuthorName = m.AuthorName };
        }).Where(m => m.Contents.Count > 0).ToList();
    }

    private static HashSet<string> Answered(IEnumerable<ChatMessage> messages) =>
        messages.SelectMany(m => m.Contents.OfType<ToolApprovalResponseContent>()).Select(r => r.RequestId).ToHashSet(StringComparer.Ordinal);

    /// <summary>What a turn that stopped at a proposal says: what waits for approval, in the manager's language.</summary>
    private string ProposalText(ChatMessage question, IReadOnlyList<PendingApproval> pending)
    {
        var templates = prompts.Answers(RequestReader.LanguageOf(question.Text, prompts.Lexicon));
        var described = string.Join("\n", pending.Select(p => $"- {p.Tool} {p.Arguments.GetRawText()}"));
        return $"{described}\n\n{templates.Text("approval_waiting")}";
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

    private TurnResult Summarise(string threadId, List<ChatMessage> turn, HashSet<string> answered, DateOnly today, CommunityTerms terms)
    {
        var calls = turn.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
        var names = calls.GroupBy(c => c.CallId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        // Each result is read back into its record once, here; everything after this switches on types.
        var resultsByCall = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .GroupBy(r => r.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ToolResultReader.Read(names.GetValueOrDefault(g.Key, ""), g.Last().Result), StringComparer.Ordinal);
        var results = calls.Where(c => resultsByCall.ContainsKey(c.CallId)).Select(c => resultsByCall[c.CallId]).ToList();
        var pending = turn.SelectMany(m => m.Contents.OfType<ToolApprovalRequestContent>())
            .Where(r => !answered.Contains(r.RequestId) && r.ToolCall is FunctionCallContent)
            .Select(r => new PendingApproval(r.RequestId, ((FunctionCallContent)r.ToolCall).Name, JsonSerializer.SerializeToElement(((FunctionCallContent)r.ToolCall).Arguments, ToolJson.Options)))
            .ToList();
        var answer = string.Join("\n\n", turn.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        var question = turn[0].Text;
        var language = RequestReader.LanguageOf(question, prompts.Lexicon);
        return new TurnResult(threadId, answer,
            [.. calls.Select(c => new ToolCallRecord(c.Name, JsonSerializer.SerializeToElement(c.Arguments ?? new Dictionary<string, object?>(), ToolJson.Options))
            {
                Result = resultsByCall.GetValueOrDefault(c.CallId),
            })],
            [.. results.SelectMany(r => r.FilesMade())],
            [.. results.SelectMany(r => r.CitationsMade()).Distinct()],
            pending)
        {
            Reading = _writer.Reading(language, results),
            // Nothing ran: rather than leave the manager guessing, offer the closest questions that would.
            Suggestions = calls.Count == 0 && pending.Count == 0 && question.Length > 0 ? QuestionSuggestions.For(question, today, terms, prompts.Answers(language)) : [],
        };
    }

    /// <summary>What the planner knows of the community: its action names (kept until its data changes) and the lexicon.</summary>
    private async Task<CommunityTerms> TermsAsync(Core.Communities.Community community, CancellationToken cancellationToken) =>
        new(await services.GetRequiredService<CommunityActions>().NamesAsync(community, cancellationToken), prompts.Lexicon);
}

/// <summary>A chat request that cannot be served as asked (empty, too long, already decided).</summary>
public sealed class ChatRequestException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, message);

/// <summary>A thread or proposal that does not exist for the caller.</summary>
public sealed class ChatNotFoundException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.NotFound, message);
