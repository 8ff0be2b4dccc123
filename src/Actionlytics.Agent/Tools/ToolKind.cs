namespace Actionlytics.Agent.Tools;

/// <summary>What running a tool does to the world, which decides how the pipeline and the channels treat it.</summary>
public enum ToolKind
{
    /// <summary>Only reads: stores nothing, so it may run anywhere, even in a warm-up.</summary>
    Reads,

    /// <summary>Stores something no member sees (a chart or export file, a draft waiting for approval): runs when the model calls it.</summary>
    Stores,

    /// <summary>Changes what the community works with (a saved segment): the model proposes it, and only a person's approval of that exact call runs it.</summary>
    NeedsApproval,
}
