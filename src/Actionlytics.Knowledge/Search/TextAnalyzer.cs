using System.Globalization;
using System.Text;

namespace Actionlytics.Knowledge.Search;

/// <summary>
/// Turns text into search terms for English, French and Italian alike: lowercase, accents removed, stop words dropped,
/// light suffix stemming (so "quizzes", "quiz"; "échoué", "échec" meet), and optional query expansion through a glossary
/// (French or Italian manager vocabulary to the English words the playbooks' advice uses).
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were",
        "be", "been", "being", "it", "its", "this", "that", "these", "those", "they", "them", "their", "we", "our", "you", "your", "he", "she",
        "his", "her", "i", "me", "my", "do", "does", "did", "have", "has", "had", "not", "no", "so", "than", "then", "there", "what", "which",
        "who", "whom", "how", "when", "why", "where", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "about", "into",
        "out", "up", "down", "over", "after", "before", "more", "most", "some", "any", "all", "each", "other", "such", "only", "own", "same",
        "too", "very", "just", "also", "one", "get", "got", "let", "us",
        // French
        "le", "la", "les", "un", "une", "des", "du", "de", "d", "l", "et", "ou", "mais", "en", "dans", "sur", "par", "pour", "avec", "sans",
        "au", "aux", "ce", "cet", "cette", "ces", "qui", "que", "quoi", "dont", "ne", "pas", "plus", "ils", "elles", "il", "elle", "nous",
        "vous", "je", "tu", "on", "se", "sa", "son", "ses", "leur", "leurs", "est", "sont", "etre", "avoir", "ont", "comment", "quand",
        "pourquoi", "quel", "quelle", "quels", "quelles", "y", "s", "n", "c", "qu", "j", "m", "t", "lorsque", "comme", "tout", "tous", "toutes",
        // Italian
        "il", "lo", "gli", "i", "di", "da", "del", "della", "dei", "delle", "che", "non", "per", "con", "su", "come", "sono", "e", "gli",
        "una", "uno", "nel", "nella", "alla", "alle", "ai",
    };

    // Longest first: the first suffix that leaves a stem of at least four letters is removed.
    private static readonly string[] Suffixes =
    [
        "issements", "issement", "ations", "ements", "ations", "ation", "ement", "ments", "ement", "ingly", "ities", "ation",
        "ings", "ness", "ment", "ions", "ance", "ence", "ible", "able", "ity", "ive", "ful", "ies", "ing", "ion", "ees", "ers",
        "eur", "euse", "ees", "ed", "es", "er", "ee", "ly", "s", "e",
    ];

    private readonly IReadOnlyDictionary<string, string[]> _glossary;

    public TextAnalyzer(IReadOnlyDictionary<string, string[]>? glossary = null) => _glossary = glossary ?? new Dictionary<string, string[]>();

    /// <summary>The terms of a document (no expansion).</summary>
    public List<string> Terms(string text) => Analyze(text, expand: false);

    /// <summary>The terms of a query, expanded through the glossary.</summary>
    public List<string> QueryTerms(string text) => Analyze(text, expand: true);

    private List<string> Analyze(string text, bool expand)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (StopWords.Contains(word) || word.Length < 2)
            {
                continue;
            }
            terms.Add(Stem(word));
            if (expand && _glossary.TryGetValue(word, out var more))
            {
                terms.AddRange(more.Select(Stem));
            }
        }
        return terms;
    }

    /// <summary>Lowercase words without accents.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }
        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length > 8 ? word[..8] : word;
    }

    /// <summary>Reads a glossary: one line per word, <c>word&lt;TAB&gt;expansion words</c>; <c>#</c> starts a comment.</summary>
    public static Dictionary<string, string[]> LoadGlossary(string path)
    {
        var glossary = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return glossary;
        }
        foreach (var line in File.ReadLines(path))
        {
            var content = line.Split('#')[0];
            var parts = content.Split('\t', 2);
            if (parts.Length < 2)
            {
                continue;
            }
            foreach (var word in Words(parts[0]))
            {
                glossary[word] = Words(parts[1]).ToArray();
            }
        }
        return glossary;
    }
}
