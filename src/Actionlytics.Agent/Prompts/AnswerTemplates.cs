using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Prompts;

/// <summary>One language's answer templates: <c>{name}</c> placeholders filled from tool results.</summary>
public sealed partial class AnswerTemplates(string language, IReadOnlyDictionary<string, string> templates)
{
    public string Language => language;

    public IEnumerable<string> Keys => templates.Keys;

    public string Text(string key) => templates.TryGetValue(key, out var text) ? text : throw new InvalidOperationException($"No answer template '{key}' in {language}.");

    /// <summary>The template with its placeholders replaced; a placeholder without a value is left visible rather than guessed.</summary>
    public string Render(string key, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(Text(key), m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    public static IReadOnlySet<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([a-z_0-9]+)\}")]
    private static partial Regex Placeholder();
}
