using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Prompts;

/// <summary>
/// The model-facing text, loaded from <c>prompts/agent</c> at start: the system prompt, each tool's description and
/// arguments (<c>tools.md</c>) and the offline planner's answer templates per language (<c>answers.{lang}.md</c>).
/// </summary>
public sealed partial class AgentPrompts
{
    private readonly string _system;
    private readonly IReadOnlyDictionary<string, AnswerTemplates> _answers;

    private AgentPrompts(string system, IReadOnlyDictionary<string, ToolText> tools, IReadOnlyDictionary<string, AnswerTemplates> answers, Planning.PlannerLexicon lexicon)
    {
        Lexicon = lexicon;
        _system = system;
        Tools = tools;
        _answers = answers;
    }

    public IReadOnlyDictionary<string, ToolText> Tools { get; }

    /// <summary>The languages the agent reads and answers in, the planner's fallback first (<c>prompts/planner/languages.txt</c>).</summary>
    public IReadOnlyList<string> Languages => [.. Lexicon.Languages.Select(l => l.Language)];

    /// <summary>The offline planner's word lists (<c>prompts/planner/*/</c>).</summary>
    public Planning.PlannerLexicon Lexicon { get; }

    public ToolText Tool(string name) =>
        Tools.TryGetValue(name, out var text) ? text : throw new InvalidOperationException($"prompts/agent/tools.md has no section '## {name}'.");

    public AnswerTemplates Answers(string language) => _answers.TryGetValue(language, out var answers) ? answers : _answers["en"];

    /// <summary>
    /// The system prompt with the community's facts filled in. Action names come from imported data, but only ever as
    /// names of the import's pattern (lowercase letters, digits, <c>_ . -</c>): they cannot carry instructions.
    /// </summary>
    public string SystemPrompt(string communityName, string timeZone, DateOnly today, IReadOnlyList<string>? actions = null) => _system
        .Replace("{{actions}}", actions is { Count: > 0 } ? string.Join(", ", actions) : "none yet", StringComparison.Ordinal)
        .Replace("{{community_name}}", communityName, StringComparison.Ordinal)
        .Replace("{{time_zone}}", timeZone, StringComparison.Ordinal)
        .Replace("{{today}}", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static AgentPrompts Load(string folder)
    {
        string Read(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : throw new FileNotFoundException($"Missing prompt file {path}.", path);
        }

        var tools = Sections(Read("tools.md")).ToDictionary(s => s.Key, s => ParseTool(s.Key, s.Value), StringComparer.Ordinal);
        var lexicon = Planning.PlannerLexiconFiles.Load(Path.Combine(folder, "..", "planner"));
        // Every language the planner reads is a language it answers in.
        var answers = lexicon.Languages.Select(l => l.Language).ToDictionary(l => l, l => new AnswerTemplates(l, Sections(Read($"answers.{l}.md"))), StringComparer.Ordinal);
        var english = answers["en"].Keys.ToHashSet();
        foreach (var (language, templates) in answers)
        {
            var missing = english.Except(templates.Keys).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"prompts/agent/answers.{language}.md lacks {string.Join(", ", missing)}.");
            }
        }
        return new AgentPrompts(Read("system.md").Trim(), tools, answers, lexicon);
    }

    /// <summary>The <c>prompts/agent</c> folder: next to the program when published, else found by walking up from it.</summary>
    public static string DefaultFolder() => Actionlytics.Core.PromptFolders.Locate("agent");

    /// <summary><c>## key</c> sections and their text, in order.</summary>
    private static Dictionary<string, string> Sections(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var body = new List<string>();
        foreach (var line in markdown.Split('\n').Append("## "))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (key is not null)
                {
                    sections[key] = string.Join('\n', body).Trim();
                }
                key = line[3..].Trim();
                body.Clear();
            }
            else if (key is not null)
            {
                body.Add(line);
            }
        }
        return sections;
    }

    private static ToolText ParseTool(string name, string text)
    {
        var description = new List<string>();
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var argument = ArgumentLine().Match(line);
            if (argument.Success)
            {
                arguments[argument.Groups[1].Value] = argument.Groups[2].Value.Trim();
            }
            else if (arguments.Count == 0 && line.Trim().Length > 0)
            {
                description.Add(line.Trim());
            }
        }
        return new ToolText(name, string.Join(' ', description), arguments);
    }

    [GeneratedRegex(@"^- ([a-z_]+): (.+)$")]
    private static partial Regex ArgumentLine();
}

/// <summary>A tool's description and its arguments' descriptions, as the model reads them.</summary>
public sealed record ToolText(string Name, string Description, IReadOnlyDictionary<string, string> Arguments);
