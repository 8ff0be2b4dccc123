using System.Text.Json;
using Actionlytics.Agent.Tools;

namespace Actionlytics.Agent.Chat;

/// <summary>A tool call made during a turn, in order, with what the tool returned (channels draw tables and charts from it).</summary>
public sealed record ToolCallRecord(string Name, JsonElement Arguments)
{
    /// <summary>The tool's result as its record; absent for a call waiting for approval.</summary>
    public ToolResult? Result { get; init; }
}

/// <summary>A proposal waiting for a person's decision, bound to the exact call (tool and arguments) the model made.</summary>
public sealed record PendingApproval(string Id, string Tool, JsonElement Arguments);

/// <summary>What one turn produced: the answer, every tool call in order, the artifacts, the citations, and what waits for approval.</summary>
public sealed record TurnResult(
    string ThreadId,
    string Answer,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    IReadOnlyList<ArtifactInfo> Artifacts,
    IReadOnlyList<string> Citations,
    IReadOnlyList<PendingApproval> PendingApprovals)
{
    /// <summary>How the question was read (period, day, threshold, filters), from the analyses that ran; null when none ran.</summary>
    public string? Reading { get; init; }

    /// <summary>When the turn answered nothing: the closest questions the agent can answer, offered as choices.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The results of this turn's calls of one type, in order.</summary>
    public IEnumerable<T> Results<T>() where T : ToolResult => ToolCalls.Select(c => c.Result).OfType<T>();
}
