using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Actionlytics.Knowledge.Playbooks;

/// <summary>
/// Reads a playbook file: the front matter (a small, strict subset of YAML: <c>key: value</c>, inline lists
/// <c>[a, b]</c>, and <c>  - item</c> lists) and the <c>## </c> sections. Anything unexpected fails with the line.
/// </summary>
public static partial class PlaybookParser
{
    private static readonly string[] ListKeys = ["needs", "profiles", "segments", "channels", "evidence", "keywords", "related"];
    private static readonly string[] RequiredKeys = ["id", "title", "needs", "profiles", "segments", "channels", "tone", "evidence"];

    public static Playbook Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new PlaybookFormatException(path, 1, "a playbook starts with a front matter block opened by '---'");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? openList = null;
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Trim() == "---")
            {
                end = i;
                break;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (line.StartsWith("  - ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (openList is null)
                {
                    throw new PlaybookFormatException(path, number, "a list item outside a list");
                }
                lists[openList].Add(Unquote(line.TrimStart()[2..].Trim()));
                continue;
            }

            var match = KeyValue().Match(line);
            if (!match.Success)
            {
                throw new PlaybookFormatException(path, number, $"expected 'key: value', found '{Shorten(line)}'");
            }
            var key = match.Groups[1].Value;
            var value = match.Groups[2].Value.Trim();
            if (values.ContainsKey(key) || lists.ContainsKey(key))
            {
                throw new PlaybookFormatException(path, number, $"'{key}' appears twice");
            }
            openList = null;
            if (ListKeys.Contains(key))
            {
                if (value.Length == 0)
                {
                    lists[key] = [];
                    openList = key;
                }
                else if (value.StartsWith('[') && value.EndsWith(']'))
                {
                    lists[key] = value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Unquote).ToList();
                }
                else
                {
                    throw new PlaybookFormatException(path, number, $"'{key}' is a list: write [a, b] or items on the next lines");
                }
            }
            else if (RequiredKeys.Contains(key) || key == "keywords")
            {
                values[key] = Unquote(value);
            }
            else
            {
                throw new PlaybookFormatException(path, number, $"unknown key '{key}'");
            }
        }
        if (end < 0)
        {
            throw new PlaybookFormatException(path, lines.Length, "the front matter is never closed by '---'");
        }

        foreach (var key in RequiredKeys)
        {
            if (!values.ContainsKey(key) && !lists.ContainsKey(key))
            {
                throw new PlaybookFormatException(path, end + 1, $"the front matter has no '{key}'");
            }
        }
        var id = values["id"];
        var expectedId = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!IdPattern().IsMatch(id) || id != expectedId)
        {
            throw new PlaybookFormatException(path, LineOf(lines, "id:"), $"id '{id}' must be lowercase words joined by '-' and match the file name '{expectedId}'");
        }
        Check(path, lines, "needs", lists["needs"], PlaybookVocabulary.Needs);
        Check(path, lines, "profiles", lists["profiles"], PlaybookVocabulary.Profiles);
        Check(path, lines, "segments", lists["segments"], PlaybookVocabulary.Segments);
        Check(path, lines, "channels", lists["channels"], PlaybookVocabulary.Channels);
        if (lists["evidence"].Count == 0)
        {
            throw new PlaybookFormatException(path, LineOf(lines, "evidence:"), "a playbook cites at least one reference");
        }

        var sections = ParseSections(path, lines, end + 1);
        return new Playbook(
            id, values["title"], lists["needs"], lists["profiles"], lists["segments"], lists["channels"], values["tone"], lists["evidence"],
            sections, path, Hash(text))
        {
            Keywords = lists.GetValueOrDefault("keywords") ?? [],
            Related = lists.GetValueOrDefault("related") ?? [],
            RelatedLine = lists.ContainsKey("related") ? LineOf(lines, "related:") : 0,
        };
    }

    private static List<PlaybookSection> ParseSections(string path, string[] lines, int start)
    {
        var sections = new List<PlaybookSection>();
        string? heading = null;
        var headingLine = 0;
        var body = new StringBuilder();
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                heading = line[3..].Trim();
                headingLine = i + 1;
            }
            else if (heading is not null)
            {
                body.AppendLine(line);
            }
        }
        Close();

        var missing = PlaybookVocabulary.Sections.Where(s => sections.All(x => !string.Equals(x.Heading, s, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new PlaybookFormatException(path, lines.Length, $"missing section{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing.Select(m => "'## " + m + "'"))}");
        }
        return sections;

        void Close()
        {
            if (heading is null)
            {
                return;
            }
            var text = body.ToString().Trim();
            if (text.Length == 0)
            {
                throw new PlaybookFormatException(path, headingLine, $"section '{heading}' is empty");
            }
            sections.Add(new PlaybookSection(heading, text, headingLine));
            body.Clear();
        }
    }

    private static void Check(string path, string[] lines, string key, List<string> values, IReadOnlySet<string> allowed)
    {
        if (values.Count == 0)
        {
            throw new PlaybookFormatException(path, LineOf(lines, key + ":"), $"'{key}' is empty");
        }
        foreach (var value in values.Where(v => !allowed.Contains(v)))
        {
            throw new PlaybookFormatException(path, LineOf(lines, key + ":"), $"'{value}' is not one of the {key}: {string.Join(", ", allowed.Order())}");
        }
    }

    private static int LineOf(string[] lines, string prefix)
    {
        var index = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        return index < 0 ? 1 : index + 1;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    [GeneratedRegex(@"^([a-z_]+):(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
