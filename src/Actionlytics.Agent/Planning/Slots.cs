using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>The argument values a message states: periods, thresholds, counts, actions, segments, profiles, needs, channels, formats.</summary>
internal sealed partial record Slots
{
    public IReadOnlyList<FoundPeriod> Periods { get; init; } = [];

    public string? Action { get; init; }

    /// <summary>Whether <see cref="Action"/> is one of the community's own actions, recognised by its name's words.</summary>
    public bool OwnAction { get; init; }

    public string? Segment { get; init; }

    /// <summary>A snake_case name that is not a built-in segment: a saved segment's.</summary>
    public string? SavedSegment { get; init; }

    public string? Profile { get; init; }

    public string? Need { get; init; }

    public string? Channel { get; init; }

    public string? Format { get; init; }

    public string? Granularity { get; init; }

    public int? Threshold { get; init; }

    public int? WindowDays { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>A day named on its own, without an "as of" cue ("31 December 2014", "fin avril 2018"): the as-of day of a scoring.</summary>
    public DateOnly? NamedDay { get; init; }

    /// <summary>Years the message names that no date took: the planner says it could not place them.</summary>
    public IReadOnlyList<string> UnplacedYears { get; init; } = [];

    /// <summary>Durations ("in 8 weeks") no period, threshold or count took: the planner says it could not place them.</summary>
    public IReadOnlyList<string> UnplacedDurations { get; init; } = [];

    /// <summary>Community actions named equally ("docs updates and code changes"): the planner counts one at a time, so it says so.</summary>
    public IReadOnlyList<string> TiedActions { get; init; } = [];

    /// <summary>A built-in action named that this community's data does not have, as written: what the answer says it cannot count.</summary>
    public string? AbsentAction { get; init; }

    /// <summary>Every one of the community's own actions the question names, in the order written.</summary>
    public IReadOnlyList<ActionMatcher.Found> NamedActions { get; init; } = [];

    /// <summary>Whether the question asks how something changed ("evolution", « ¿subió o bajó? »), not just names a change action.</summary>
    public bool AsksForChange { get; init; }

    /// <summary>How far a follow-up moves the day or period asked before ("and a year later?", « ¿y seis meses antes? »).</summary>
    public Shift? Shift { get; init; }

    /// <summary>The two alike periods the one range named runs between, later first ("between 2024 and 2025"): what a comparison follow-up compares.</summary>
    public IReadOnlyList<FoundPeriod>? SpanEnds { get; init; }

    public int? Top { get; init; }

    public int? Variants { get; init; }

    public int? GoalDays { get; init; }

    public double? MinScore { get; init; }

    public Dictionary<string, object?>? Weights { get; init; }

    /// <summary>A number of days said on its own ("same for 90 days"): a threshold when the subject is inactivity.</summary>
    public int? BareDays { get; init; }

    public static Slots Read(Utterance u, DateOnly today, CommunityTerms? terms = null)
    {
        terms ??= CommunityTerms.None;
        var text = u.Normalised;
        bool BuiltInSegment(string name) => Vocabulary.Names(u.Lexicon, Vocabulary.Segments, name);
        var g = u.Lexicon.Grammar;
        var taken = new List<(int Start, int End)>();

        int? Days(Match m, string numberGroup, string unitGroup)
        {
            // "for a month": the article is the one.
            if ((m.Groups["one"].Success ? 1 : g.Number(m.Groups[numberGroup].Value)) is not { } n)
            {
                return null;
            }
            taken.Add((m.Index, m.Index + m.Length));
            return n * g.UnitDays(m.Groups[unitGroup].Value);
        }

        var goal = g.Goal.Match(text);
        int? goalDays = goal.Success ? Days(goal, "n", "u") : null;
        var window = g.Window.Match(text);
        int? windowDays = window.Success ? Days(window, "n", "u") : null;
        var threshold = g.Threshold.Match(text);
        int? thresholdDays = threshold.Success ? Days(threshold, "n", "u") : null;
        if (thresholdDays is null && g.ThresholdLoose.Match(text) is { Success: true } loose)
        {
            thresholdDays = Days(loose, "n", "u");
            threshold = loose;
        }
        // « die Grenze auf ein halbes Jahr setzen, also 6 Monate »: the same threshold said twice is read once.
        if (thresholdDays is { } said && g.Restated.Match(text, threshold.Index + threshold.Length) is { Success: true } restated
            && text[(threshold.Index + threshold.Length)..restated.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2
            && g.Number(restated.Groups["n"].Value) * g.UnitDays(restated.Groups["u"].Value) == said)
        {
            taken.Add((restated.Index, restated.Index + restated.Length));
        }
        // "and a year later?": the day or the period asked before, moved.
        var shift = g.Shift.Match(text);
        var shifted = shift.Success && (shift.Groups["one"].Success ? 1 : g.Number(shift.Groups["n"].Value)) is { } by
            ? new Shift(shift.Groups["later"].Success ? by : -by, g.UnitDays(shift.Groups["u"].Value)) : null;
        if (shifted is not null)
        {
            taken.Add((shift.Index, shift.Index + shift.Length));
        }
        var asOf = DateExpressions.AsOf(u, today);

        var top = g.Top.Match(text);
        var variants = g.Variants.Match(text);
        var minScore = g.MinScore.Match(text);
        if (top.Success)
        {
            taken.Add((top.Index, top.Index + top.Length));
        }
        if (variants.Success)
        {
            taken.Add((variants.Index, variants.Index + variants.Length));
        }

        var bare = g.BareDays.Match(text);
        int? bareDays = bare.Success && !taken.Any(t => bare.Index < t.End && t.Start < bare.Index + bare.Length) ? Days(bare, "n", "u") : null;

        var found = DateExpressions.Find(u, today).Where(p => !taken.Any(t => p.Position < t.End && t.Start < p.Position + p.Length)).ToList();
        // "October 2019 against the previous month": the month before the one named, not before today; the lifecycle reading compares them.
        if (DateExpressions.Years(u).Any())
        {
            var previous = u.Lexicon["against_previous"].Spans(text).ToList();
            found.RemoveAll(p => found.Any(o => o.Position < p.Position) && previous.Any(r => p.Position < r.End && r.Start < p.Position + p.Length));
        }
        // The same period named twice is one period, but both mentions were read.
        var periods = WithTheYearWritten(u, found).ToList();
        // "In 2014, how did January compare with June?", « Top 5 im Sommer 2017, also Juni bis August »: a year that only
        // dates the months written without one is not a period of its own.
        periods.RemoveAll(p => p.IsWholeYear
            && periods.Any(o => o != p && p.From <= o.From && o.To <= p.To && !YearWritten().IsMatch(text.AsSpan(o.Position, o.Length))));
        // "au 10 mars" is a day to score as of, unless it ends a range ("du 1er au 10 mars").
        if (asOf is { } a)
        {
            if (periods.Any(p => p.Position < a.Position && a.Position < p.Position + p.Length))
            {
                asOf = null;
            }
            else
            {
                periods.RemoveAll(p => p.Position < a.Position + a.Length && a.Position < p.Position + p.Length);
            }
        }

        periods = SamePeriodInAnotherYear(u, periods);
        var asksForChange = ChangeAsked(u, terms);
        // "the change from 2018 to 2019", « entre 2020 et 2021, quelle évolution » compare two years; "between 2014 and 2016 inclusive" is one range.
        var spanEnds = periods is [var span] ? EndsOf(u, span) : null;
        if (spanEnds is not null && asksForChange)
        {
            periods = [.. spanEnds];
        }
        var namedDay = asOf is null ? periods.FirstOrDefault(p => p.IsDay) : null;
        var dated = found.Select(p => (Start: p.Position, End: p.Position + p.Length)).ToList();
        if (asOf is { } placed)
        {
            dated.Add((placed.Position, placed.Position + placed.Length));
        }
        var unplaced = DateExpressions.Years(u)
            .Where(y => !dated.Any(d => y.Position >= d.Start && y.Position < d.End))
            .Select(y => text.Substring(y.Position, y.Length)).ToList();
        // "in 8 weeks" that no period, threshold or count took would be dropped without a word: the answer would be about something else.
        var read = taken.Concat(dated).Concat(new[] { g.MinDays.Match(text), g.MonthsLater.Match(text) }.Concat(g.PreviousWindow.Matches(text)).Where(m => m.Success).Select(m => (Start: m.Index, End: m.Index + m.Length))).ToList();
        var unplacedDurations = g.Duration.Matches(text)
            .Where(m => !read.Any(r => m.Index < r.End && r.Start < m.Index + m.Length))
            .Select(m => m.Value.Trim()).ToList();

        var profile = Vocabulary.Locate(u, Vocabulary.Profiles);
        // "events logged in 2014, all actions together": every action, whatever word looked like one.
        var everyAction = u.Says("every_action");
        var action = everyAction ? null : Vocabulary.Locate(u, Vocabulary.Actions);
        // "people who mostly download" is a profile, not the download action.
        if (action is { } act && profile is { } prof && act.Position >= prof.Position && act.Position < prof.Position + prof.Length)
        {
            action = null;
        }
        // A built-in action this community's data never has would be a confident 0: a "contribution" there is any activity
        // (« primera contribución »), another one is said not counted.
        string? absent = null;
        if (terms.Known && action is { } builtIn && !terms.Has(builtIn.Value))
        {
            absent = builtIn.Value == Core.Activity.ActionNames.Contribution ? null : u.AsWritten(text.Substring(builtIn.Position, builtIn.Length).Trim());
            action = null;
        }
        var custom = action is null ? CustomAction().Match(text) : Match.Empty;
        if (custom.Success && BuiltInSegment(custom.Groups[1].Value))
        {
            custom = Match.Empty; // "the long_gone segment" names a segment, not an action
        }
        var ownReading = action is null && !custom.Success && !everyAction ? ActionMatcher.Read(u, terms) : new ActionMatcher.Reading(null, []);
        var own = ownReading.Found;
        // "contributors" in a community where nobody posts is its word for members, not the contributor profile.
        if (profile is { } named && terms.Known && !ProfileFits(named.Value, terms))
        {
            profile = null;
        }
        var segment = Vocabulary.Find(u, Vocabulary.Segments);
        var saved = SnakeName().Matches(text).Select(m => m.Value.Trim()).FirstOrDefault(n => !BuiltInSegment(n) && !Vocabulary.Names(u.Lexicon, Vocabulary.Actions, n) && n.Contains('_', StringComparison.Ordinal));

        return new Slots
        {
            Periods = periods,
            Action = action?.Value ?? (custom.Success ? custom.Groups[1].Value : own?.Action),
            // "(docs_update)" written as the data names it is the community's own action too.
            OwnAction = own is not null || (custom.Success && terms.Has(custom.Groups[1].Value) && !Core.Activity.ActionNames.Known.Contains(custom.Groups[1].Value)),
            Segment = segment,
            SavedSegment = saved,
            Profile = profile?.Value,
            Need = Vocabulary.Find(u, Vocabulary.Needs),
            Channel = Vocabulary.Find(u, Vocabulary.Channels),
            Format = Vocabulary.Find(u, Vocabulary.Formats),
            Granularity = Vocabulary.Find(u, Vocabulary.Granularities),
            Threshold = thresholdDays,
            WindowDays = windowDays,
            AsOf = asOf?.Day,
            NamedDay = namedDay?.From,
            UnplacedYears = unplaced,
            UnplacedDurations = unplacedDurations,
            TiedActions = ownReading.Tied,
            AbsentAction = own is null && !custom.Success ? absent : null,
            // "(docs_update) in 2019 ... code_change in 2020": the names written as the data has them count too.
            NamedActions = own is null && custom.Success && !everyAction ? ActionMatcher.Read(u, terms).Named : ownReading.Named,
            Top = top.Success ? g.Number(top.Groups["n"].Value) : null,
            Variants = variants.Success ? (variants.Groups["ab"].Success ? 2 : g.Number(variants.Groups["n"].Value)) : null,
            GoalDays = goalDays,
            MinScore = minScore.Success ? double.Parse(minScore.Groups.Values.Skip(1).First(g => g.Success).Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            Weights = ReadWeights(text),
            BareDays = bareDays,
            AsksForChange = asksForChange,
            SpanEnds = spanEnds,
            Shift = shifted,
        };
    }

    /// <summary>
    /// The two periods one range runs between, later first, when they are alike (two years, two months, two quarters):
    /// "from 2018 to 2019", « de julio a octubre de 2019 », "from Q1 2020 to Q1 2021"; null for a range of days.
    /// </summary>
    private static IReadOnlyList<FoundPeriod>? EndsOf(Utterance u, FoundPeriod span)
    {
        if (span.Ends is [var first, var second])
        {
            return !first.IsDay && !second.IsDay && first.From.Day == 1 && second.From.Day == 1 && MonthsOf(first) is > 0 and var months && MonthsOf(second) == months
                ? [second, first] : null;
        }
        if (IsYearSpan(u.Normalised, span))
        {
            return [span with { From = new DateOnly(span.To.Year, 1, 1) }, span with { To = new DateOnly(span.From.Year, 12, 31) }];
        }
        // « ¿subió o bajó de julio a octubre de 2019? », "did it go up from March to May 2020?": the two months compared.
        if (IsMonthSpan(u, span))
        {
            var last = new DateOnly(span.To.Year, span.To.Month, 1);
            return [span with { From = last }, span with { To = span.From.AddMonths(1).AddDays(-1) }];
        }
        return null;
    }

    private static int MonthsOf(FoundPeriod p) =>
        p.To.AddDays(1).Day == 1 ? (p.To.Year * 12 + p.To.Month) - (p.From.Year * 12 + p.From.Month) + 1 : 0;

    private static bool IsYearSpan(string text, FoundPeriod p) =>
        p.From.Year < p.To.Year && p.From.Month == 1 && p.From.Day == 1 && p.To.Month == 12 && p.To.Day == 31 && YearWritten().Count(text.AsSpan(p.Position, p.Length)) == 2;

    private static bool IsMonthSpan(Utterance u, FoundPeriod p) =>
        p.From.Day == 1 && p.To.AddDays(1).Day == 1 && (p.To.Year * 12 + p.To.Month) - (p.From.Year * 12 + p.From.Month) >= 1
        && u.Normalised.Substring(p.Position, p.Length).Split(' ').Count(w => u.Lexicon.Grammar.Month(w) is not null) == 2
        && !u.Normalised.Substring(p.Position, p.Length).Split(' ').Any(w => w.Length <= 2 && w.All(char.IsDigit));

    /// <summary>
    /// "did it go up from March to May?", not "code changes between March and May": a change word inside the name of one
    /// of the community's actions (« cambios de código ») asks for no comparison.
    /// </summary>
    private static bool ChangeAsked(Utterance u, CommunityTerms terms)
    {
        var named = ActionMatcher.Read(u, terms).Named;
        return u.Lexicon["change"].Occurrences(u.Normalised).Any(s => !named.Any(a => a.Position <= s.Start && s.Start < a.Position + a.Length));
    }

    /// <summary>« le premier semestre 2021 et celui de 2022 »: the year after "celui de" is the same half in 2022, not all of it.</summary>
    private static List<FoundPeriod> SamePeriodInAnotherYear(Utterance u, List<FoundPeriod> periods)
    {
        var same = u.Lexicon.Grammar.SamePeriodOf.Match(u.Normalised);
        if (!same.Success || periods.Count != 2)
        {
            return periods;
        }
        var year = same.Groups["y"];
        var whole = periods.FirstOrDefault(p => p.Position == year.Index && p.From.DayOfYear == 1 && p.To.Month == 12 && p.To.Day == 31);
        var shape = periods.FirstOrDefault(p => !ReferenceEquals(p, whole) && p.From.Year == p.To.Year);
        if (whole is null || shape is null)
        {
            return periods;
        }
        var years = whole.From.Year - shape.From.Year;
        return [.. periods.Select(p => ReferenceEquals(p, whole) ? p with { From = shape.From.AddYears(years), To = shape.To.AddYears(years) } : p)];
    }

    /// <summary>
    /// "in May 2017 and June", « au deuxième trimestre 2016 [...] tout le premier trimestre »: a month or quarter written
    /// without its year, in a message that names one year only, is of that year (not the latest one). The same period
    /// named twice ("active in January 2014 but not in February 2014 ... in February 2014") counts once.
    /// </summary>
    private static IEnumerable<FoundPeriod> WithTheYearWritten(Utterance u, IEnumerable<FoundPeriod> periods)
    {
        var years = DateExpressions.Years(u).Select(y => u.Normalised.Substring(y.Position, y.Length)).Distinct().ToList();
        var year = years.Count == 1 && int.TryParse(years[0], out var y) ? y : (int?)null;
        var seen = new HashSet<(DateOnly, DateOnly)>();
        var all = periods.ToList();
        foreach (var period in all)
        {
            var written = u.Normalised.Substring(period.Position, period.Length);
            // "Q1 so far", "janvier jusqu'ici": the words right after the period can make it this year's.
            var around = written + " " + string.Join(' ', u.Normalised[(period.Position + period.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
            var shifted = year is { } named && period.From.Year == period.To.Year && period.From.Year != named && !YearWritten().IsMatch(written)
                && !u.Lexicon["relative"].In(" " + around + " ")
                ? period with { From = period.From.AddYears(named - period.From.Year), To = LastDayAfter(period, named) }
                : period;
            // « enero 2018 frente a diciembre »: the month just before the one dated is in the year before it.
            if (!ReferenceEquals(shifted, period) && shifted.From.Month == 12 && IsWholeMonth(shifted)
                && all.Any(o => o.From == new DateOnly(shifted.From.Year, 1, 1) && IsWholeMonth(o) && YearWritten().IsMatch(u.Normalised.AsSpan(o.Position, o.Length))))
            {
                shifted = shifted with { From = shifted.From.AddYears(-1), To = shifted.To.AddYears(-1) };
            }
            if (seen.Add((shifted.From, shifted.To)))
            {
                yield return shifted;
            }
        }
    }

    private static bool IsWholeMonth(FoundPeriod p) => p.From.Day == 1 && p.To == p.From.AddMonths(1).AddDays(-1);

    /// <summary>The period's end moved to <paramref name="year"/>: a month cut short at today becomes the whole month.</summary>
    private static DateOnly LastDayAfter(FoundPeriod period, int year)
    {
        var from = period.From.AddYears(year - period.From.Year);
        var months = (period.To.Year * 12 + period.To.Month) - (period.From.Year * 12 + period.From.Month) + 1;
        return period.From.Day == 1 ? from.AddMonths(months).AddDays(-1) : period.To.AddYears(year - period.To.Year);
    }

    /// <summary>Whether a profile can have members here: the community does one of the actions its rule looks at.</summary>
    private static bool ProfileFits(string profile, CommunityTerms terms) =>
        Core.Analytics.ProfileRules.Default.Rules.FirstOrDefault(r => r.Name == profile) is not { } rule || rule.Actions.Any(terms.Has);

    private static Dictionary<string, object?>? ReadWeights(string text)
    {
        var weights = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, pattern) in new[] { ("recency", @"(?:recency|recence|recenza) (?:weight |at |a |=|: )?(\d+(?:\.\d+)?)"), ("constancy", @"(?:constancy|constance|costanza) (?:weight |at |a |=|: )?(\d+(?:\.\d+)?)"), ("frequency", @"(?:frequency|frequence|frequenza) (?:weight |at |a |=|: )?(\d+(?:\.\d+)?)") })
        {
            var m = Regex.Match(text, pattern, RegexOptions.CultureInvariant);
            if (m.Success)
            {
                var value = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                weights[name] = value == Math.Floor(value) ? (object)(int)value : value;
            }
        }
        return weights.Count == 3 ? weights : null;
    }










    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearWritten();

    [GeneratedRegex(@" ([a-z]+_[a-z0-9_]+) ")]
    private static partial Regex CustomAction();

    [GeneratedRegex(@" [a-z][a-z0-9]*(?:_[a-z0-9]+)+ ")]
    private static partial Regex SnakeName();
}
