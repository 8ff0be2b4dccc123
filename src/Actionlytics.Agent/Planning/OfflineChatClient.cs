using System.Text.Json;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The embedded default model: a deterministic <see cref="IChatClient"/>. On a manager's message it answers with
/// function calls (read by <see cref="RequestReader"/>) that go through the same function-invocation pipeline as a
/// real model's; once the tools' results are in, it writes the answer from them (<see cref="AnswerWriter"/>). It
/// never states a number no tool returned.
/// </summary>
public sealed class OfflineChatClient(AgentPrompts prompts) : IChatClient
{
    /// <summary>Set on <see cref="ChatOptions.AdditionalProperties"/>: the community's today (<c>yyyy-MM-dd</c>), which periods resolve against.</summary>
    public const string TodayOption = "actionlytics.today";

    /// <summary>Set on <see cref="ChatOptions.AdditionalProperties"/>: the community's action names (a string list), which questions can name.</summary>
    public const string ActionsOption = "actionlytics.actions";

    public const string ModelId = "actionlytics-offline-planner";

    private readonly AnswerWriter _writer = new(prompts);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = messages.ToList();
        var lastUser = history.FindLastIndex(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text));
        var language = ConversationLanguage(history, lastUser);
        var terms = Terms(options);

        // Tool results came back: write the answer from them.
        var results = history.Skip(lastUser + 1).SelectMany(m => m.Contents.OfType<FunctionResultContent>()).ToList();
        if (results.Count > 0)
        {
            var calls = history.Skip(lastUser + 1).SelectMany(m => m.Contents.OfType<FunctionCallContent>()).GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.First().Name);
            var focus = RequestReader.FocusOf(history[lastUser].Text, Today(options), terms, Followed(history, lastUser));
            var answer = _writer.Write(language, [.. results.Select(r => ToolResultReader.Read(calls.GetValueOrDefault(r.CallId, ""), r.Result))], focus);
            return Task.FromResult(Reply(new TextContent(answer)));
        }
        if (lastUser < 0)
        {
            return Task.FromResult(Reply(new TextContent(prompts.Answers(language).Text("capabilities"))));
        }

        var previous = history.Take(lastUser).SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .Select(c => new PlannedCall(c.Name, (c.Arguments ?? new Dictionary<string, object?>()).ToDictionary(a => a.Key, a => Plain(a.Value), StringComparer.Ordinal)))
            .ToList();
        var plan = RequestReader.Read(history[lastUser].Text, Today(options), previous, terms, language, Followed(history, lastUser));
        var available = options?.Tools?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var planned = plan.Calls.Where(c => available.Contains(c.Name)).ToList();
        if (planned.Count > 0)
        {
            var turn = Guid.NewGuid().ToString("N")[..8];
            return Task.FromResult(Reply([.. planned.Select((c, i) => (AIContent)new FunctionCallContent($"call_{turn}_{i}", c.Name, c.Arguments.ToDictionary(a => a.Key, a => a.Value)))]));
        }
        var templates = prompts.Answers(plan.Language);
        return Task.FromResult(Reply(new TextContent(plan.Outcome switch
        {
            PlanOutcome.Closing => templates.Text("capabilities").Split('.')[0] + ".",
            PlanOutcome.NeedsDetail => templates.Text("ask_clarify"),
            PlanOutcome.NotUnderstood => templates.Render("not_understood", new Dictionary<string, string> { ["words"] = string.Join(", ", plan.Unplaced.Select(w => $"\"{w}\"")) }),
            PlanOutcome.NotCounted => templates.Render("not_counted", new Dictionary<string, string>
            {
                ["words"] = string.Join(", ", plan.Unplaced.Select(w => $"\"{w}\"")), ["actions"] = string.Join(", ", terms.Actions),
            }),
            PlanOutcome.TwoActions => templates.Render("two_actions", new Dictionary<string, string> { ["actions"] = string.Join(", ", plan.Unplaced) }),
            _ => templates.Text("capabilities"),
        })));
    }

    /// <summary>The language of the conversation's last message, each message read with the language of the ones before it.</summary>
    private string ConversationLanguage(List<ChatMessage> history, int lastUser)
    {
        string? language = null;
        foreach (var message in history.Take(lastUser + 1).Where(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text)))
        {
            language = RequestReader.LanguageOf(message.Text, prompts.Lexicon, language);
        }
        return language ?? "en";
    }

    /// <summary>The same response, its text in pieces (a line at a time) as a real model would stream it.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        var message = response.Messages[^1];
        var messageId = Guid.NewGuid().ToString("N");
        if (message.Contents is [TextContent { Text: var text }])
        {
            foreach (var piece in System.Text.RegularExpressions.Regex.Split(text, @"(?<=\n)"))
            {
                if (piece.Length > 0)
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { MessageId = messageId, ModelId = ModelId };
                }
            }
            yield break;
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, [.. message.Contents]) { MessageId = messageId, ModelId = ModelId };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("actionlytics-offline", null, ModelId)
        : null;

    public void Dispose()
    {
    }

    private static ChatResponse Reply(params AIContent[] contents) => new(new ChatMessage(ChatRole.Assistant, contents)) { ModelId = ModelId };

    private static DateOnly Today(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(TodayOption, out var value) == true && DateOnly.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var today)
            ? today : DateOnly.FromDateTime(DateTime.UtcNow);

    private CommunityTerms Terms(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ActionsOption, out var value) == true && value is IEnumerable<string> actions
            ? new CommunityTerms([.. actions], prompts.Lexicon) : new CommunityTerms([], prompts.Lexicon);

    /// <summary>Arguments read back from a stored conversation are JSON elements: the reader wants plain values.</summary>
    private static object? Plain(object? value) => value is JsonElement e ? e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => JsonSerializer.Deserialize<Dictionary<string, object?>>(e.GetRawText()),
    } : value;

    /// <summary>The question asked before the latest one: what a follow-up ("and in 2023?") is read against.</summary>
    private static string? Followed(IList<ChatMessage> history, int lastUser) =>
        history.Take(lastUser).LastOrDefault(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text))?.Text;
}
