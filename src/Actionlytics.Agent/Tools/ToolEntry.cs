using System.Text.Json;
using Actionlytics.Agent.Prompts;
using Microsoft.Extensions.AI;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// One tool of the catalog: its name, what it does to the world, its arguments and result records, the answer
/// template the offline planner words its result with, and its handler. Its description and arguments' descriptions
/// are in <c>prompts/agent/tools.md</c> under <c>## name</c>; its web view is keyed by the same name in <c>views.js</c>.
/// </summary>
public abstract class ToolEntry(string name, ToolKind kind, string answerTemplate)
{
    public string Name { get; } = name;

    public ToolKind Kind { get; } = kind;

    /// <summary>The <c>## key</c> of <c>prompts/agent/answers.*.md</c> its result is worded with.</summary>
    public string AnswerTemplate { get; } = answerTemplate;

    public abstract Type ArgumentsType { get; }

    public abstract Type ResultType { get; }

    /// <summary>The tool as the model sees it, bound to one caller's handlers; approval-required tools come wrapped so the pipeline stops at a proposal.</summary>
    internal AITool Bind(ToolText text, ToolHandlers handlers)
    {
        var function = Function(text, handlers);
        return Kind == ToolKind.NeedsApproval ? new ApprovalRequiredAIFunction(function) : function;
    }

    private protected abstract AIFunction Function(ToolText text, ToolHandlers handlers);

    /// <summary>Reads a stored result of this tool back into its record; throws <see cref="JsonException"/> when it has another shape.</summary>
    internal ToolResult Read(JsonElement json)
    {
        var result = (ToolResult?)json.Deserialize(ResultType, ToolResultReader.Options) ?? throw new JsonException($"{Name} returned null.");
        // Nulls are left out on the wire, so a result of another shape can read as a record with a required part missing.
        var missing = RequiredReferences.FirstOrDefault(p => p.GetValue(result) is null);
        return missing is null ? result : throw new JsonException($"{Name}'s result has no {missing.Name}.");
    }

    private System.Reflection.PropertyInfo[] RequiredReferences => _required ??= [.. ResultType.GetProperties()
        .Where(p => !p.PropertyType.IsValueType && p.GetIndexParameters().Length == 0
            && new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.NotNull)];

    private System.Reflection.PropertyInfo[]? _required;
}

/// <summary>A tool whose arguments are <typeparamref name="TArguments"/> and whose result is <typeparamref name="TResult"/>.</summary>
public sealed class ToolEntry<TArguments, TResult>(
    string name, ToolKind kind, string answerTemplate, Func<ToolHandlers, TArguments, CancellationToken, Task<TResult>> handler)
    : ToolEntry(name, kind, answerTemplate)
    where TArguments : class
    where TResult : ToolResult
{
    public override Type ArgumentsType => typeof(TArguments);

    public override Type ResultType => typeof(TResult);

    private protected override AIFunction Function(ToolText text, ToolHandlers handlers) =>
        new AgentTool<TArguments>(text, async (arguments, cancellationToken) => await handler(handlers, arguments, cancellationToken));
}
