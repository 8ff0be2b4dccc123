using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// The one place a tool's result is read back from JSON (a stored thread, or the pipeline's function result): into
/// its record, or into <see cref="ToolError"/> / <see cref="ToolNoResult"/>. Everything after it switches on types.
/// </summary>
public static class ToolResultReader
{
    /// <summary>Strict about shape: a stored result of another version's shape is reported unreadable, never half read.</summary>
    internal static JsonSerializerOptions Options { get; } = new(ToolJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
    };

    public static ToolResult Read(string tool, object? raw)
    {
        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String:
                return new ToolError(error.GetString()!);
            case JsonElement { ValueKind: JsonValueKind.Object } json when ToolCatalog.Find(tool) is { } entry:
                try
                {
                    return entry.Read(json);
                }
                catch (JsonException)
                {
                    return new ToolNoResult($"The stored result of {tool} cannot be read by this version.", Declined: false);
                }
            case JsonElement { ValueKind: JsonValueKind.String } text:
                return NoResult(text.GetString() ?? "");
            case string text:
                return NoResult(text);
            default:
                return new ToolNoResult($"{tool} returned nothing this version can read.", Declined: false);
        }
    }

    /// <summary>The pipeline reports a rejected proposal and an unexpected failure as text; only failures start with "Error".</summary>
    private static ToolNoResult NoResult(string text) => new(text, Declined: !text.StartsWith("Error", StringComparison.OrdinalIgnoreCase));
}
