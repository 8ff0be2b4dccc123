using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// What a "how many ..." question counts ("how many lines of code", « combien d'étoiles », "quante righe di codice"):
/// when it is neither a word the product has figures for nor one of the community's actions, answering would state a
/// figure of something else, so the planner says what it could not count instead.
/// </summary>
internal static partial class CountedWord
{
    // Words between the cue and what is counted ("how many different ...", « combien de nos ... »).
    private static readonly HashSet<string> Fillers =
    [
        "the", "of", "our", "your", "different", "distinct", "unique", "total", "separate", "brand", "individual", "more", "fewer", "less", "first", "time", "all",
        "les", "des", "de", "d", "nos", "vos", "differents", "differentes", "distincts", "distinctes", "uniques", "au", "plus", "moins",
        "la", "du", "l", "un", "une", "di", "dei", "degli", "delle", "della", "del", "i", "gli", "il", "lo", "diversi", "diverse", "distinti", "distinte", "nostri", "nostre", "in", "totale",
    ];

    // Words that end the question's subject before any noun: "how many were inactive", « combien sont revenus ».
    private static readonly HashSet<string> Verbs =
    [
        "were", "was", "are", "is", "did", "do", "does", "have", "had", "has", "didn", "didnt", "don", "dont", "haven", "hadn", "weren", "wasn", "aren", "isn", "still", "also", "never", "will", "would", "can", "could", "came", "got", "went", "stayed", "left",
        "ont", "sont", "etaient", "avaient", "ete", "y", "en", "il", "ca", "sono", "erano", "hanno", "avevano", "ci", "ne", "e", "c", "si",
    ];

    /// <summary>The words counted that nothing here has figures for, as written; null when the count is understood or there is none.</summary>
    public static string? Unknown(Utterance u, CommunityTerms terms)
    {
        if (!terms.Known || terms.Lexicon.CountedWords.Count == 0)
        {
            return null;
        }
        // "email open rates", « le taux d'ouverture », "il tasso di apertura": a rate of something the data does not hold.
        foreach (Match rate in RateOf().Matches(u.Normalised))
        {
            var what = rate.Groups["x"].Value;
            if (!Fillers.Contains(what) && !Known(what, terms))
            {
                return rate.Value.Trim();
            }
        }
        foreach (Match cue in Cue().Matches(u.Normalised))
        {
            var words = u.Normalised[(cue.Index + cue.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var head = words.SkipWhile(Fillers.Contains).FirstOrDefault();
            // "first-time contributors", « anciens contributeurs »: any of the subject's first words can be what is counted.
            var subject = words.SkipWhile(Fillers.Contains).TakeWhile(w => !Verbs.Contains(w)).Where(w => !Fillers.Contains(w)).Take(3).ToList();
            if (head is null || Verbs.Contains(head) || head.Any(char.IsDigit) || subject.Any(w => Known(w, terms)))
            {
                continue;
            }
            var at = Array.IndexOf(words, head);
            // "lines of code", "github issues": the counted words up to the next verb or preposition of time.
            return string.Join(' ', words.Skip(at).TakeWhile(w => !Verbs.Contains(w) && w is not ("in" or "during" or "since" or "en" or "depuis" or "nel" or "nell" or "nei" or "durante" or "dans" or "pendant" or "for" or "pour" or "per")).Take(3));
        }
        return null;
    }

    private static bool Known(string word, CommunityTerms terms) =>
        terms.Lexicon.CountedWords.Any(w => word.StartsWith(w, StringComparison.Ordinal)) || ActionMatcher.NamesAction(word, terms)
        || Vocabulary.Actions.Any(a => a.Phrases.Any(p => p.Split(' ')[0] == word));

    [GeneratedRegex(@" (?<x>[a-z]+) rates? | (?:taux|tasso|ratio|pourcentage|percentuale) (?:d |de |di |del |della |dell )(?<x>[a-z]+) ")]
    private static partial Regex RateOf();

    [GeneratedRegex(@" (?:how many|how much|number of|count of|combien de|combien d|nombre de|nombre d|quanti|quante|quanto|quanta|numero di|il numero di|numero dei|numero delle|numero degli) ")]
    private static partial Regex Cue();
}
