using System.Text;
using System.Text.RegularExpressions;

namespace Actionlytics.Core.Campaigns;

/// <summary>
/// A message in one language with <c>{{token}}</c> placeholders, filled per member at sending time. Tokens are the
/// playbooks' own (see <see cref="Tokens"/>); an unknown token is an error when the campaign is drafted or edited,
/// never a literal "{{foo}}" in a member's inbox.
/// </summary>
public sealed partial record MessageTemplate(string Subject, string Body)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;

    /// <summary>The personalisation tokens a template may use.</summary>
    public static readonly IReadOnlySet<string> Tokens = new HashSet<string>(StringComparer.Ordinal)
    {
        "first_name", "community_name", "manager_name", "last_activity", "days_since_last_visit",
        "progress_summary", "suggested_content", "preferences_link", "unsubscribe_link",
    };

    /// <summary>What is wrong with the template, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Subject))
        {
            yield return "The subject is empty.";
        }
        if (Subject.Length > MaxSubjectLength)
        {
            yield return $"The subject is longer than {MaxSubjectLength} characters.";
        }
        if (string.IsNullOrWhiteSpace(Body))
        {
            yield return "The body is empty.";
        }
        if (Body.Length > MaxBodyLength)
        {
            yield return $"The body is longer than {MaxBodyLength:N0} characters.";
        }
        foreach (var token in TokenPattern().Matches(Subject + "\n" + Body).Select(m => m.Groups[1].Value).Distinct())
        {
            if (!Tokens.Contains(token))
            {
                yield return $"Unknown token {{{{{token}}}}}: use {string.Join(", ", Tokens.Order().Select(t => "{{" + t + "}}"))}.";
            }
        }
    }

    /// <summary>The template with every token replaced. Values are member data inserted as text, never re-read as tokens.</summary>
    public (string Subject, string Body) Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return (Fill(Subject, values).ReplaceLineEndings(" "), Fill(Body, values));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        // One pass over the template: a value containing "{{...}}" is not expanded again.
        var result = new StringBuilder(text.Length + 64);
        var last = 0;
        foreach (Match match in TokenPattern().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            result.Append(values.TryGetValue(match.Groups[1].Value, out var value) ? value : "");
            last = match.Index + match.Length;
        }
        return result.Append(text, last, text.Length - last).ToString();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_]+)\s*\}\}")]
    private static partial Regex TokenPattern();
}
