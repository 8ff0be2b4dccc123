namespace Actionlytics.Agent.Tools;

/// <summary>A tool was called with arguments it cannot use; the message tells the model (and the manager) what to change.</summary>
public sealed class ToolArgumentException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, message);
