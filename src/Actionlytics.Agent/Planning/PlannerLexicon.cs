namespace Actionlytics.Agent.Planning;

/// <summary>
/// The offline planner's words, from every language folder of <c>prompts/planner/</c> (see its README): the phrases
/// of each concept and cue (<c>words.tsv</c>), the words of dates and numbers (<c>dates.tsv</c>), each language's
/// function words (to tell which language a question is in), the words for communities' own actions and what a "how
/// many" can count. Every language's phrases are read for every question: a French manager may well write "merges".
/// Adding a language is adding its folder.
/// </summary>
public sealed class PlannerLexicon
{
    private readonly Dictionary<string, PhraseSet> _sets;
    private readonly IReadOnlyList<string> _keys;
    private readonly Lazy<PlannerGrammar> _grammar;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Value, PhraseSet Phrases)>> _tables = new(StringComparer.Ordinal);

    public PlannerLexicon(
        IReadOnlyList<(string Key, string Phrase)> entries, IReadOnlyList<LanguageMarks> languages,
        IReadOnlyList<ActionWord> actionWords, IReadOnlyList<string> countedWords)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _keys = [.. entries.Select(e => e.Key).Distinct(StringComparer.Ordinal)];
        _sets = entries.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new PhraseSet(g.Select(e => e.Phrase)), StringComparer.Ordinal);
        Languages = languages;
        ActionWords = actionWords;
        CountedWords = countedWords;
        _grammar = new(() => new PlannerGrammar(this));
    }

    private static readonly Lazy<PlannerLexicon> Shipped = new(() => PlannerLexiconFiles.Load(Core.PromptFolders.Locate("planner")));

    /// <summary>The lexicon shipped with the product (<c>prompts/planner</c> next to the program or up from it).</summary>
    public static PlannerLexicon Default => Shipped.Value;

    /// <summary>Languages in the order of <c>languages.txt</c>, with what marks a question as written in each.</summary>
    public IReadOnlyList<LanguageMarks> Languages { get; }

    public IReadOnlyList<ActionWord> ActionWords { get; }

    public IReadOnlyList<string> CountedWords { get; }

    /// <summary>The patterns built from these words, once.</summary>
    public PlannerGrammar Grammar => _grammar.Value;

    /// <summary>The phrases of one key; a key no file has is a mistake in the code, not in a question.</summary>
    public PhraseSet this[string key] =>
        _sets.TryGetValue(key, out var set) ? set : throw new KeyNotFoundException($"No planner lexicon file has the key '{key}' (prompts/planner/*/).");

    public bool Has(string key) => _sets.ContainsKey(key);

    /// <summary>A table's values in the order the files first name them: the keys <c>prefix.value</c>.</summary>
    public IReadOnlyList<(string Value, PhraseSet Phrases)> Table(string prefix) =>
        _tables.GetOrAdd(prefix, p => [.. _keys.Where(k => k.StartsWith(p + ".", StringComparison.Ordinal)).Select(k => (k[(p.Length + 1)..], _sets[k]))]);
}

/// <summary>
/// What marks a question as written in a language: its function words (<c>function-words.txt</c>) and the letters
/// only it writes (<c>letters.txt</c>: « ¿ », "ñ", "ß"), which tell a short question apart when words tie.
/// </summary>
public sealed record LanguageMarks(string Language, IReadOnlySet<string> Words, string Letters)
{
    /// <summary>Every word of the language's own phrases: the question's other words, which break ties between languages.</summary>
    public IReadOnlySet<string> Lexicon { get; init; } = new HashSet<string>();

    public int Score(IReadOnlyCollection<string> words, string original) =>
        (2 * (words.Count(Words.Contains) + original.Count(Letters.Contains))) + words.Count(Lexicon.Contains);
}

/// <summary>A question word (<see cref="Word"/>, matched as a word start) that stands for one word of an action's name.</summary>
public sealed record ActionWord(string Word, string Stands);
