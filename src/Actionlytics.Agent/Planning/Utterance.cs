using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>A manager's message as typed, and a normalised form (lowercase, no accents, straight quotes, single spaces) the rules read.</summary>
public sealed partial class Utterance
{
    public Utterance(string text, PlannerLexicon? lexicon = null)
    {
        Original = text;
        Normalised = " " + Normalise(text) + " ";
        Lexicon = lexicon ?? PlannerLexicon.Default;
    }

    public string Original { get; }

    /// <summary>The words it is read with.</summary>
    public PlannerLexicon Lexicon { get; }

    /// <summary>Whether it says one of the lexicon's phrases for <paramref name="key"/> (<c>prompts/planner/*/words.tsv</c>).</summary>
    public bool Says(string key) => Lexicon[key].In(Normalised);

    /// <summary>Padded with a space on each side, so a phrase can be matched as whole words with <c>" word "</c>.</summary>
    public string Normalised { get; }

    public Match Match(Regex pattern) => pattern.Match(Normalised);

    /// <summary>
    /// The words of <paramref name="normalised"/> as the manager wrote them (« gelöscht », not "geloscht"), for
    /// answers that quote the question; the normalised words when they cannot be found.
    /// </summary>
    public string AsWritten(string normalised)
    {
        var words = WrittenWord().Matches(Original);
        for (var first = 0; first < words.Count; first++)
        {
            var read = "";
            for (var last = first; last < words.Count && read.Length < normalised.Length; last++)
            {
                var written = Original[words[first].Index..(words[last].Index + words[last].Length)];
                read = Normalise(written);
                if (read == normalised)
                {
                    return written;
                }
                // « d'étoiles GitHub »: the elided article is not part of what is quoted.
                if (read.EndsWith(" " + normalised, StringComparison.Ordinal) && written.IndexOfAny(['\'', '’']) is var apostrophe and > 0)
                {
                    return written[(apostrophe + 1)..];
                }
            }
        }
        return normalised;
    }

    public int WordCount => Normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    public static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('’', '\'').Replace('«', '"').Replace('»', '"').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            // Punctuation becomes a space, except inside ids and numbers (m-00042, 2025-10-01, 1er) and apostrophes.
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '\'' or '/' or '.' ? c : ' ');
        }
        var spaced = Spaces().Replace(builder.ToString(), " ").Trim();
        // Apostrophes split words ("l'annee" -> "l annee"), full stops end them.
        spaced = Elision().Replace(spaced, "$1 ");
        spaced = Stops().Replace(spaced, " ");
        spaced = WordHyphen().Replace(spaced, " "); // ids like m-00042 keep theirs
        spaced = QuarterNumberFirst().Replace(spaced, "$2$1"); // « 4T 2021 », "2Q 2020": the quarter as "t4", "q2"
        return Spaces().Replace(spaced, " ").Trim();
    }

    // "long-gone", and a number's unit: "2-month retention", "90-day threshold".
    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])|(?<=\d)-(?=[a-z]{3})")]
    private static partial Regex WordHyphen();

    [GeneratedRegex(@"\b([1-4])([qt])\b")]
    private static partial Regex QuarterNumberFirst();

    [GeneratedRegex(@"[\p{L}\p{Nd}'’_-]+")]
    private static partial Regex WrittenWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(l|d|qu|s|c|j|n|m|t|un|all|dell|nell|dall|sull)'")]
    private static partial Regex Elision();

    [GeneratedRegex(@"(?<!\d)\.|\.(?!\d)|'")]
    private static partial Regex Stops();
}
