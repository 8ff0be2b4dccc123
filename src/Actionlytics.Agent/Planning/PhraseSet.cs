using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The ways of saying one thing, every language's, as the lexicon files write them: whole phrases ("how many"), and
/// word starts written with a trailing <c>*</c> ("evol*" finds "evolve", « évolution », "evoluzione").
/// </summary>
public sealed class PhraseSet
{
    public PhraseSet(IEnumerable<string> entries)
    {
        var all = entries.ToList();
        Phrases = [.. all.Where(e => !e.EndsWith('*')).Distinct(StringComparer.Ordinal)];
        Stems = [.. all.Where(e => e.EndsWith('*')).Select(e => e[..^1]).Distinct(StringComparer.Ordinal)];
        Longest = [.. Phrases.OrderByDescending(p => p.Length)];
    }

    public static PhraseSet Empty { get; } = new([]);

    public IReadOnlyList<string> Phrases { get; }

    public IReadOnlyList<string> Stems { get; }

    /// <summary>The whole phrases, longest first: the most specific reading wins.</summary>
    public IReadOnlyList<string> Longest { get; }

    /// <summary>Where each whole phrase first appears in the normalised text (padded with spaces), longest phrases first.</summary>
    public IEnumerable<(int Start, int End)> Spans(string normalised) =>
        Longest.Select(p => normalised.IndexOf(" " + p + " ", StringComparison.Ordinal) is var at and >= 0 ? (at + 1, at + 1 + p.Length) : (-1, -1)).Where(s => s.Item1 >= 0);

    /// <summary>Every place the normalised text (padded with spaces) says one of them: whole phrases, and whole words a word start begins.</summary>
    public IEnumerable<(int Start, int End)> Occurrences(string normalised)
    {
        foreach (var (needle, isStem) in Phrases.Select(p => (" " + p + " ", false)).Concat(Stems.Select(s => (" " + s, true))))
        {
            for (var at = normalised.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                var end = isStem ? normalised.IndexOf(' ', at + 1) is var space and >= 0 ? space : normalised.Length : at + needle.Length - 1;
                yield return (at + 1, end);
            }
        }
    }

    /// <summary>Whether the normalised text (padded with spaces) says any of them.</summary>
    public bool In(string normalised) =>
        Phrases.Any(p => normalised.Contains(" " + p + " ", StringComparison.Ordinal)) || Stems.Any(s => normalised.Contains(" " + s, StringComparison.Ordinal));

    public bool Contains(string word) => Phrases.Contains(word, StringComparer.Ordinal) || Stems.Any(s => word.StartsWith(s, StringComparison.Ordinal));

    /// <summary>The phrases as a regular-expression alternation, longest first (the first alternative that fits wins).</summary>
    public string Alternation() =>
        string.Join('|', Phrases.Concat(Stems.Select(s => s + "*")).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => p.EndsWith('*') ? Regex.Escape(p[..^1]) + @"[a-z]*" : Regex.Escape(p).Replace(@"\ ", " ", StringComparison.Ordinal)));
}
