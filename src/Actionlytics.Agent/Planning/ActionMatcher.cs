using Actionlytics.Core.Activity;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// Finds the community's own action a question names: "merges" is <c>merge</c>, "submitted an assignment" is
/// <c>assignment_submitted</c>, « les devoirs » too (through the lexicon). An action named only to be left out
/// ("not counting merges", « hors merges ») is not the one asked. Two actions named equally are not guessed between.
/// </summary>
internal static class ActionMatcher
{
    public readonly record struct Found(string Action, int Position, int Length);

    /// <summary>
    /// The action asked, or the actions named equally when none can be told apart (then <see cref="Found"/> is null);
    /// <see cref="Named"/>: every action the question names, in the order written.
    /// </summary>
    public readonly record struct Reading(Found? Found, IReadOnlyList<string> Tied)
    {
        public IReadOnlyList<Found> Named { get; init; } = [];
    }

    public static Found? Find(Utterance u, CommunityTerms terms) => Read(u, terms).Found;

    public static Reading Read(Utterance u, CommunityTerms terms)
    {
        if (!terms.Known)
        {
            return new(null, []);
        }
        var generic = terms.Lexicon["generic_action_word"];
        var words = Words(u.Normalised);
        var candidates = new List<(Found Found, int Score, bool Only)>();
        foreach (var action in terms.OwnActions)
        {
            var parts = action.Split('_', '.', '-').Where(p => p.Length > 0).ToArray();
            var named = words.Where(w => parts.Any(p => Stands(w.Text, p, terms)) && !Excluded(u.Normalised, w, terms.Lexicon)).ToList();
            // "the % change", "any update": a generic word of a longer name ("change" of code_change) does not name the action alone.
            var specific = parts.Length == 1 || named.Any(w => parts.Any(p => !generic.Contains(p) && Stands(w.Text, p, terms)));
            if (named.Count > 0 && specific)
            {
                var start = named.Min(w => w.Start);
                candidates.Add((new Found(action, start, named.Max(w => w.Start + w.Text.Length) - start), named.Select(w => w.Text).Distinct().Count(),
                    named.Any(w => AfterOnly(u.Normalised, w.Start, terms))));
            }
        }
        if (candidates.Count == 0)
        {
            return new(null, []);
        }
        IReadOnlyList<Found> every = [.. candidates.Select(c => c.Found).OrderBy(f => f.Position)];
        var top = candidates.Where(c => c.Score == candidates.Max(x => x.Score)).OrderBy(c => c.Found.Position).ToList();
        if (top.Count == 1)
        {
            return new(top[0].Found, []) { Named = every };
        }
        // "commits that only touch the tests", « que les tests »: the action said to be the only one.
        if (top.Count(c => c.Only) == 1)
        {
            return new(top.Single(c => c.Only).Found, []) { Named = every };
        }
        // "test-only commits", "docs commits": a word naming one action right before another's narrows it.
        if (top.Count == 2 && Adjacent(u.Normalised, top[0].Found, top[1].Found, terms.Lexicon["list_join"]))
        {
            return new(top[0].Found, []) { Named = every };
        }
        return new(null, [.. top.Select(c => c.Found.Action)]) { Named = every };
    }

    /// <summary>"only the tests", « que les tests »; not "test-only commits", where "only" belongs to the word before it.</summary>
    private static bool AfterOnly(string text, int start, CommunityTerms terms)
    {
        var before = text[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var only = terms.Lexicon["only"];
        var at = Array.FindLastIndex(before, only.Contains);
        return at >= 0 && before.Length - at <= 3 && (at == 0 || !NamesAction(before[at - 1], terms));
    }

    private static bool Adjacent(string text, Found first, Found second, PhraseSet joins)
    {
        var between = text[(first.Position + first.Length)..second.Position].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return between.Length <= 1 && !between.Any(joins.Contains);
    }

    /// <summary>Whether a question word names one of the community's actions.</summary>
    public static bool NamesAction(string word, CommunityTerms terms) =>
        terms.Actions.Any(a => a.Split('_', '.', '-').Any(p => p.Length > 0 && Stands(word, p, terms)));

    /// <summary>Whether a question word stands for one word of an action's name, directly or through the lexicon.</summary>
    private static bool Stands(string word, string part, CommunityTerms terms) =>
        Matches(word, part) || terms.Lexicon.ActionWords.Any(w => w.Stands == part && Matches(word, w.Word));

    /// <summary>"merges" and "merged" are "merge"; "submit" is "submitted"; a word of three letters or fewer only as itself or its plural.</summary>
    internal static bool Matches(string word, string stem)
    {
        if (stem.Length <= 3)
        {
            return word == stem || word == stem + "s";
        }
        var common = 0;
        while (common < word.Length && common < stem.Length && word[common] == stem[common])
        {
            common++;
        }
        return common == stem.Length || (common >= 5 && common >= stem.Length - 3);
    }

    private static bool Excluded(string text, (string Text, int Start) word, PlannerLexicon lexicon)
    {
        IReadOnlyList<string> exclusionsBefore = lexicon["exclude.before"].Phrases, exclusionsAfter = lexicon["exclude.after"].Phrases, articles = lexicon["article"].Phrases;
        var before = text[..word.Start];
        var after = text[(word.Start + word.Text.Length)..];
        return exclusionsBefore.Any(x => before.EndsWith(" " + x + " ", StringComparison.Ordinal) || articles.Any(a => before.EndsWith(" " + x + " " + a + " ", StringComparison.Ordinal)))
            // "merges esclusi" leaves merges out; "commit, esclusi i merge" leaves out what follows, not the commits.
            || exclusionsAfter.Any(x => after.StartsWith(" " + x + " ", StringComparison.Ordinal) && !articles.Any(a => after.StartsWith(" " + x + " " + a + " ", StringComparison.Ordinal)))
            // "excluding docs or tests", « (no solo docs o tests) »: what a list joins to an excluded word is left out too.
            || (PreviousInList(word, lexicon["list_join"], text) is { } previous && Excluded(text, previous, lexicon));
    }

    /// <summary>The word joined to this one by "or"/"and" just before it ("docs" in "docs or tests"), if any.</summary>
    private static (string Text, int Start)? PreviousInList((string Text, int Start) word, PhraseSet joins, string text)
    {
        var before = text[..word.Start].TrimEnd();
        var join = before.LastIndexOf(' ');
        if (join < 0 || !joins.Contains(before[(join + 1)..]))
        {
            return null;
        }
        var head = before[..join].TrimEnd();
        var start = head.LastIndexOf(' ') + 1;
        return head.Length > start ? (head[start..], start) : null;
    }

    private static List<(string Text, int Start)> Words(string text)
    {
        var words = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add((text[start..i], start));
                start = -1;
            }
        }
        return words;
    }
}
