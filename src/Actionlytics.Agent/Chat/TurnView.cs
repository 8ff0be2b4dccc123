using System.Text.Json;
using Actionlytics.Agent.Tools;

namespace Actionlytics.Agent.Chat;

/// <summary>A tool call as the API and the CLI show it: its arguments, and its result record (serialised as its own type).</summary>
public sealed record ToolCallView(string Name, JsonElement Arguments, object? Result);

/// <summary>A turn as the chat API answers it and <c>actionlytics ask --json</c> prints it: one shape for both.</summary>
public sealed record TurnView(
    string ThreadId, string Answer, IReadOnlyList<ToolCallView> ToolCalls, IReadOnlyList<ArtifactInfo> Artifacts,
    IReadOnlyList<string> Citations, IReadOnlyList<PendingApproval> PendingApprovals, string? Reading, IReadOnlyList<string> Suggestions)
{
    public static TurnView Of(TurnResult turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(turn.ThreadId, turn.Answer,
            [.. turn.ToolCalls.Select(c => new ToolCallView(c.Name, c.Arguments, c.Result))], turn.Artifacts, turn.Citations, turn.PendingApprovals, turn.Reading, turn.Suggestions);
    }
}
