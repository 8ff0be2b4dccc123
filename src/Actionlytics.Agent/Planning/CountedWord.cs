using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// What a "how many ..." question counts ("how many lines of code", « combien d'étoiles », "quante righe di codice"):
/// when it is neither a word the product has figures for nor one of the community's actions, answering would state a
/// figure of something else, so the planner says what it could not count instead.
/// </summary>
internal static class CountedWord
{
    /// <summary>The words counted that nothing here has figures for, as written; null when the count is understood or there is none.</summary>
    public static string? Unknown(Utterance u, CommunityTerms terms)
    {
        if (!terms.Known || terms.Lexicon.CountedWords.Count == 0)
        {
            return null;
        }
        var lexicon = u.Lexicon;
        // "which countries do they come from", « ¿de qué países son? »: what members are, which activity data never says.
        if (lexicon["not_in_data"].Spans(u.Normalised).OrderBy(s => s.Start).FirstOrDefault() is { End: > 0 } attribute)
        {
            return u.AsWritten(u.Normalised[attribute.Start..attribute.End]);
        }
        PhraseSet fillers = lexicon["counted.filler"], verbs = lexicon["counted.verb"], ends = lexicon["counted.end"];
        bool Filler(string w) => fillers.Contains(w);
        bool Verb(string w) => verbs.Contains(w);
        // "email open rates", « le taux d'ouverture », "il tasso di apertura": a rate of something the data does not hold.
        foreach (Match rate in lexicon.Grammar.RateOf.Matches(u.Normalised))
        {
            var what = rate.Groups["x"].Value;
            if (!Filler(what) && !Known(what, terms))
            {
                return u.AsWritten(rate.Value.Trim());
            }
        }
        foreach (Match cue in lexicon.Grammar.CountCue.Matches(u.Normalised))
        {
            var words = u.Normalised[(cue.Index + cue.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var head = words.SkipWhile(Filler).FirstOrDefault();
            // "first-time contributors", « anciens contributeurs »: any of the subject's first words can be what is counted.
            var subject = words.SkipWhile(Filler).TakeWhile(w => !Verb(w)).Where(w => !Filler(w)).Take(3).ToList();
            // "lines of code", « líneas de código »: the word before "of" is what is counted, whatever follows.
            var at = head is null ? -1 : Array.IndexOf(words, head);
            if (at >= 0 && at + 2 < words.Length && lexicon["counted.of"].Contains(words[at + 1]) && !Known(head!, terms)
                && !subject.Skip(2).Any(w => Known(w, terms)))
            {
                subject = [head!]; // « préparations de version (releases) » still names releases
            }
            if (head is null || Verb(head) || head.Any(char.IsDigit) || subject.Any(w => Known(w, terms)))
            {
                continue;
            }
            // "lines of code", "github issues": the counted words up to the next verb or preposition of time.
            return u.AsWritten(string.Join(' ', words.Skip(at).TakeWhile(w => !Verb(w) && !ends.Contains(w)).Take(3)));
        }
        return null;
    }

    private static bool Known(string word, CommunityTerms terms) =>
        terms.Has(word) // « Cuántos bot_update »: an action written as the data names it
        || terms.Lexicon.CountedWords.Any(w => word.StartsWith(w, StringComparison.Ordinal) || Misspelt(word, w)) || ActionMatcher.NamesAction(word, terms)
        || terms.Lexicon.Table(Vocabulary.Actions).Any(a => a.Phrases.Phrases.Any(p => p.Split(' ')[0] == word));

    /// <summary>"peple", "memebrs": a word one typing slip (a letter missing, added, changed or swapped) from a counted word of five letters or more.</summary>
    private static bool Misspelt(string word, string counted)
    {
        if (counted.Length < 5 || word.Length < 4)
        {
            return false;
        }
        // The counted word is a word start ("miembr"): compare it with the word's start of each length one slip can give.
        for (var length = counted.Length - 1; length <= counted.Length + 1; length++)
        {
            if (length <= word.Length && OneSlip(word[..length], counted))
            {
                return true;
            }
        }
        return false;
    }

    private static bool OneSlip(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return a == b;
        }
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (a.Length == b.Length)
        {
            // one letter changed, or two neighbours swapped
            return a[(i + 1)..] == b[(i + 1)..] || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }
        return a.Length < b.Length ? a[i..] == b[(i + 1)..] : a[(i + 1)..] == b[i..];
    }
}
