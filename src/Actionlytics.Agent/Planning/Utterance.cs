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
        spaced = WordHyphen().Replace(spaced, " "); // "long-gone", "relatedness-focused"; ids like m-00042 keep theirs
        return Spaces().Replace(spaced, " ").Trim();
    }

    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])")]
    private static partial Regex WordHyphen();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(l|d|qu|s|c|j|n|m|t|un|all|dell|nell|dall|sull)'")]
    private static partial Regex Elision();

    [GeneratedRegex(@"(?<!\d)\.|\.(?!\d)|'")]
    private static partial Regex Stops();
}
