using System.Text.Json;

namespace Actionlytics.Agent.Chat;

/// <summary>
/// Something a channel can show while a turn runs: a tool starting ("scoring members...") or finishing, or a piece of
/// the answer's text as the model writes it.
/// </summary>
public sealed record ChatEvent(string Kind, string? Tool = null, JsonElement? Arguments = null, double? ElapsedMilliseconds = null, string? Text = null)
{
    public const string ToolStarted = "tool_started";
    public const string ToolFinished = "tool_finished";
    public const string Answer = "answer";

    public static ChatEvent AnswerText(string text) => new(Answer, Text: text);
}

/// <summary>Reports each call of the function it wraps to the turn's listener.</summary>
internal sealed class ReportingFunction(Microsoft.Extensions.AI.AIFunction inner, IProgress<ChatEvent> progress) : Microsoft.Extensions.AI.DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(Microsoft.Extensions.AI.AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        progress.Report(new ChatEvent(ChatEvent.ToolStarted, Name, JsonSerializer.SerializeToElement(arguments.ToDictionary(a => a.Key, a => a.Value), Tools.ToolJson.Options)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await base.InvokeCoreAsync(arguments, cancellationToken);
        }
        finally
        {
            progress.Report(new ChatEvent(ChatEvent.ToolFinished, Name, ElapsedMilliseconds: Math.Round(clock.Elapsed.TotalMilliseconds, 1)));
        }
    }
}
