using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The ways of saying one thing, every language's, as the lexicon files write them: whole phrases ("how many"), and
/// word starts written with a trailing <c>*</c> ("evol*" finds "evolve", « évolution », "evoluzione"), and phrases with a
/// gap written <c>...</c> for words a question puts in their middle (« was war ... los » finds « was war im März 2021 los »).
/// </summary>
public sealed class PhraseSet
{
    public PhraseSet(IEnumerable<string> entries)
    {
        var all = entries.ToList();
        Gapped = [.. all.Where(IsGapped).Distinct(StringComparer.Ordinal).Select(GapPattern)];
        all.RemoveAll(IsGapped);
        Phrases = [.. all.Where(e => !e.EndsWith('*')).Distinct(StringComparer.Ordinal)];
        Stems = [.. all.Where(e => e.EndsWith('*')).Select(e => e[..^1]).Distinct(StringComparer.Ordinal)];
        Longest = [.. Phrases.OrderByDescending(p => p.Length)];
    }

    public static PhraseSet Empty { get; } = new([]);

    public IReadOnlyList<string> Phrases { get; }

    public IReadOnlyList<string> Stems { get; }

    /// <summary>The phrases with a gap, as patterns: their ends, with at most <see cref="MaxGap"/> words between them.</summary>
    private IReadOnlyList<Regex> Gapped { get; }

    /// <summary>A gap holds a date or a name ("im März 2021"), not a clause: more words would join unrelated parts of a question.</summary>
    private const int MaxGap = 4;

    private static bool IsGapped(string entry) => entry.Contains(" ... ", StringComparison.Ordinal);

    private static Regex GapPattern(string entry) =>
        new(" (" + string.Join(@")(?: \S+){1," + MaxGap + "} (", entry.Split(" ... ").Select(part => Regex.Escape(part).Replace(@"\ ", " ", StringComparison.Ordinal))) + ") ",
            RegexOptions.CultureInvariant);

    /// <summary>The whole phrases, longest first: the most specific reading wins.</summary>
    public IReadOnlyList<string> Longest { get; }

    /// <summary>Where each whole phrase first appears in the normalised text (padded with spaces), longest phrases first.</summary>
    public IEnumerable<(int Start, int End)> Spans(string normalised) =>
        Longest.Select(p => normalised.IndexOf(" " + p + " ", StringComparison.Ordinal) is var at and >= 0 ? (at + 1, at + 1 + p.Length) : (-1, -1)).Where(s => s.Item1 >= 0)
            .Concat(Gapped.SelectMany(g => GapParts(g.Match(normalised)).Take(1)));

    /// <summary>The words of a gapped phrase, without the words between them (a date in the gap stays the date's).</summary>
    private static IEnumerable<(int Start, int End)> GapParts(Match match) =>
        match.Success ? match.Groups.Cast<Group>().Skip(1).Select(g => (g.Index, g.Index + g.Length)) : [];

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
        foreach (var part in Gapped.SelectMany(g => g.Matches(normalised)).SelectMany(GapParts))
        {
            yield return part;
        }
    }

    /// <summary>Whether the normalised text (padded with spaces) says any of them.</summary>
    public bool In(string normalised) =>
        Phrases.Any(p => normalised.Contains(" " + p + " ", StringComparison.Ordinal)) || Stems.Any(s => normalised.Contains(" " + s, StringComparison.Ordinal))
        || Gapped.Any(g => g.IsMatch(normalised));

    public bool Contains(string word) => Phrases.Contains(word, StringComparer.Ordinal) || Stems.Any(s => word.StartsWith(s, StringComparison.Ordinal));

    /// <summary>The phrases as a regular-expression alternation, longest first (the first alternative that fits wins); gapped phrases are cues only.</summary>
    public string Alternation() =>
        string.Join('|', Phrases.Concat(Stems.Select(s => s + "*")).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => p.EndsWith('*') ? Regex.Escape(p[..^1]) + @"[a-z]*" : Regex.Escape(p).Replace(@"\ ", " ", StringComparison.Ordinal)));
}
