namespace Actionlytics.Agent.Planning;

/// <summary>
/// Reads <c>prompts/planner/</c>: <c>languages.txt</c> names the language folders in order (the first is the
/// fallback when a question's language is unclear); each folder holds <c>words.tsv</c> and <c>dates.tsv</c>
/// (<c>key&lt;TAB&gt;phrase</c>), <c>function-words.txt</c>, optionally <c>letters.txt</c>, <c>action-words.tsv</c> and <c>counted-words.txt</c>. In
/// every file a line is one entry, <c>#</c> starts a comment, and phrases are normalised as questions are.
/// </summary>
public static class PlannerLexiconFiles
{
    public static PlannerLexicon Load(string folder)
    {
        var languages = Lines(Path.Combine(folder, "languages.txt")).SelectMany(l => l.Line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var entries = new List<(string Key, string Phrase)>();
        var marks = new List<LanguageMarks>();
        var actionWords = new List<ActionWord>();
        var counted = new List<string>();
        foreach (var language in languages)
        {
            var at = Path.Combine(folder, language);
            var own = entries.Count;
            foreach (var file in new[] { "words.tsv", "dates.tsv" })
            {
                foreach (var (path, number, line) in Lines(Path.Combine(at, file)))
                {
                    entries.Add(line.Split('\t') is [var key, var phrase] && key.Trim().Length > 0 && Phrase(phrase) is { Length: > 0 } normalised
                        ? (key.Trim(), normalised)
                        : throw new InvalidOperationException($"{path}, line {number}: expected 'key<TAB>phrase'."));
                }
            }
            var letters = Path.Combine(at, "letters.txt");
            marks.Add(new LanguageMarks(language, Lines(Path.Combine(at, "function-words.txt")).SelectMany(l => Utterance.Normalise(l.Line).Split(' ')).ToHashSet(StringComparer.Ordinal),
                File.Exists(letters) ? string.Concat(Lines(letters).Select(l => l.Line.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())) : "")
            {
                Lexicon = entries.Skip(own).Where(e => !e.Phrase.EndsWith('*')).SelectMany(e => e.Phrase.Split(' ')).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal),
            });
            foreach (var (path, number, line) in Lines(Path.Combine(at, "action-words.tsv")))
            {
                actionWords.Add(line.Split('\t') is [var word, var stands] && word.Trim().Length > 0 && stands.Trim().Length > 0
                    ? new ActionWord(Utterance.Normalise(word), stands.Trim())
                    : throw new InvalidOperationException($"{path}, line {number}: expected 'word<TAB>action word'."));
            }
            counted.AddRange(Lines(Path.Combine(at, "counted-words.txt")).Select(l => Utterance.Normalise(l.Line)));
        }
        return new PlannerLexicon(entries, marks, actionWords, [.. counted.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A phrase written as a question is read; a trailing <c>*</c> (a word start) and a gap <c>...</c> are kept.</summary>
    private static string Phrase(string text)
    {
        if (text.Contains("...", StringComparison.Ordinal))
        {
            return string.Join(" ... ", text.Split("...").Select(Phrase));
        }
        var trimmed = text.Trim();
        var stem = trimmed.EndsWith('*');
        var normalised = Utterance.Normalise(stem ? trimmed[..^1] : trimmed);
        return normalised.Length == 0 ? "" : stem ? normalised + "*" : normalised;
    }

    private static IEnumerable<(string Path, int Number, string Line)> Lines(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing planner lexicon {Path.GetFullPath(path)}.", path);
        }
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                yield return (path, number, line);
            }
        }
    }
}
