using Actionlytics.Agent.Prompts;
using Actionlytics.Core.Analytics;
using Actionlytics.Knowledge;
using Microsoft.Extensions.AI;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// The catalog's tools bound to one <see cref="ToolScope"/>, with their descriptions from <c>prompts/agent/tools.md</c>:
/// a tool can only ever read or change the scope's community, and approval-required tools only run on a person's approval.
/// </summary>
public sealed class AgentToolbox(AgentPrompts prompts, PlaybookKnowledge knowledge, InactivityScorer scorer)
{
    public IReadOnlyList<AITool> For(ToolScope scope, Func<ToolEntry, bool>? which = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var handlers = new ToolHandlers(scope, knowledge, scorer);
        return ToolCatalog.All.Where(t => which?.Invoke(t) ?? true).Select(t => t.Bind(prompts.Tool(t.Name), handlers)).ToList();
    }
}
