using System.Text.Json;
using System.Text.Json.Nodes;
using Actionlytics.Agent.Prompts;
using Microsoft.Extensions.AI;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// A tool with typed arguments: its JSON schema is generated from <typeparamref name="TArguments"/> and carries the
/// descriptions from <c>prompts/agent/tools.md</c>; its result is JSON; a bad argument or a domain error comes back
/// as <c>{"error": "..."}</c>, a short message the model can act on, never a stack trace.
/// </summary>
public sealed class AgentTool<TArguments> : AIFunction where TArguments : class
{
    private readonly ToolText _text;
    private readonly JsonElement _schema;
    private readonly Func<TArguments, CancellationToken, Task<object>> _run;

    public AgentTool(ToolText text, Func<TArguments, CancellationToken, Task<object>> run)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _run = run;
        _schema = SchemaCache.For(typeof(TArguments), text);
    }

    public override string Name => _text.Name;

    public override string Description => _text.Description;

    public override JsonElement JsonSchema => _schema;

    public override JsonSerializerOptions JsonSerializerOptions => ToolJson.Options;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        TArguments typed;
        try
        {
            var json = JsonSerializer.SerializeToElement(arguments.ToDictionary(a => a.Key, a => a.Value), ToolJson.Options);
            typed = json.Deserialize<TArguments>(ToolJson.Options) ?? throw new JsonException("no arguments");
        }
        catch (JsonException e)
        {
            return Error($"the arguments do not fit {Name}: {ShortJsonMessage(e)}");
        }
        try
        {
            return JsonSerializer.SerializeToElement(await _run(typed, cancellationToken), ToolJson.Options);
        }
        catch (Core.Refusals.RefusalException e)
        {
            // The tools' side of the one refusal model: the model reads what to change, never a stack trace.
            return Error(e.Message);
        }
    }

    private static JsonElement Error(string message) => JsonSerializer.SerializeToElement(new ToolError(message), ToolJson.Options);

    private static string ShortJsonMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Replace("System.", "", StringComparison.Ordinal);
    }
}

/// <summary>Schemas are built once per tool: generated from the arguments type, with each property's description.</summary>
internal static class SchemaCache
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), JsonElement> Schemas = new();

    public static JsonElement For(Type arguments, ToolText text) => Schemas.GetOrAdd((arguments, text.Name), _ => Build(arguments, text));

    private static JsonElement Build(Type arguments, ToolText text)
    {
        var schema = JsonNode.Parse(AIJsonUtilities.CreateJsonSchema(arguments, serializerOptions: ToolJson.Options).GetRawText())!.AsObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (!text.Arguments.TryGetValue(name, out var description))
                {
                    throw new InvalidOperationException($"prompts/agent/tools.md: '{text.Name}' has no line '- {name}: ...'.");
                }
                property!.AsObject()["description"] = description;
            }
            var undocumented = text.Arguments.Keys.Except(properties.Select(p => p.Key)).ToList();
            if (undocumented.Count > 0)
            {
                throw new InvalidOperationException($"prompts/agent/tools.md: '{text.Name}' describes unknown arguments {string.Join(", ", undocumented)}.");
            }
        }
        schema["additionalProperties"] = false;
        return JsonSerializer.SerializeToElement(schema);
    }
}
