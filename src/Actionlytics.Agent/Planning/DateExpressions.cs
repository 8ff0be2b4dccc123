using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>A period found in a message: where it is (to keep the order the manager wrote), and its days.</summary>
public sealed record FoundPeriod(int Position, int Length, DateOnly From, DateOnly To)
{
    /// <summary>A day named on its own ("31 December 2014", "fin avril 2018", "31/12/2014"): the as-of day of a scoring.</summary>
    public bool IsDay { get; init; }

    /// <summary>The two periods a range was joined from ("from January 2019 to the end of 2023"): compared when the question asks for a change.</summary>
    public IReadOnlyList<FoundPeriod>? Ends { get; init; }

    /// <summary>1 January to 31 December of one year.</summary>
    public bool IsWholeYear => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);
}

/// <summary>
/// Reads the periods managers write, in every language of the lexicon (<c>prompts/planner/*/dates.tsv</c>): "last 30 days", "depuis 3 mois", "negli ultimi
/// 10 giorni", "this month", "le mois dernier", "Q3 2025", "au T1", "since January", "in February", "du 1er au 10 mars",
/// "from December 15 to January 15", "yesterday", a bare year. Dates resolve against the community's today: a month
/// or quarter without a year is the latest one that has started, and nothing ends after today.
/// </summary>
public static partial class DateExpressions
{
    /// <summary>Every period in the message, in the order written; overlapping readings keep the most specific.</summary>
    public static IReadOnlyList<FoundPeriod> Find(Utterance utterance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var text = utterance.Normalised;
        var g = utterance.Lexicon.Grammar;
        int Month(string name) => g.Month(name)!.Value;
        var found = new List<FoundPeriod>();
        void Add(Regex pattern, Func<Match, (DateOnly From, DateOnly To)?> read, bool isDay = false)
        {
            foreach (Match m in pattern.Matches(text))
            {
                var span = (Start: m.Index, End: m.Index + m.Length);
                if (found.Any(f => span.Start < f.Position + f.Length && f.Position < span.End))
                {
                    continue; // a more specific reading already took these words
                }
                if (read(m) is { } period && period.From <= period.To)
                {
                    found.Add(new FoundPeriod(m.Index, m.Length, period.From, period.To > today ? today : period.To) { IsDay = isDay });
                }
            }
        }

        Add(g.IsoRange, m => (Iso(m.Groups[1].Value), Iso(m.Groups[2].Value)));
        Add(g.NumericRange, m => NumericDay(m.Groups[1].Value) is { } a && NumericDay(m.Groups[2].Value) is { } b ? (a, b) : null);
        Add(g.DaysBefore, m => g.Number(m.Groups["n"].Value) is { } n && DayOf(m.Groups["date"].Value, today, g) is { } end
            ? (end.AddDays(-n * g.UnitDays(m.Groups["u"].Value)), end.AddDays(-1)) : null);
        Add(g.DayMonthYearRange, m => DayRange(today, Month(m.Groups[2].Value), Int(m.Groups[1]), Month(m.Groups[5].Value), Int(m.Groups[4]), Int(m.Groups[6]), Year(m.Groups[3])));
        Add(g.MonthDayYearRange, m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[4].Value), Int(m.Groups[5]), Int(m.Groups[6]), Year(m.Groups[3])));
        Add(g.MonthRangeOfYear, m =>
        {
            var to = new DateOnly(Int(m.Groups["y2"]), Month(m.Groups["m2"].Value), 1);
            var fromYear = m.Groups["y1"].Success ? Int(m.Groups["y1"]) : (Month(m.Groups["m1"].Value) <= to.Month ? to.Year : to.Year - 1);
            return (new DateOnly(fromYear, Month(m.Groups["m1"].Value), 1), to.AddMonths(1).AddDays(-1));
        });
        Add(g.MonthToMonth, m =>
        {
            int first = Month(m.Groups["m1"].Value), last = Month(m.Groups["m2"].Value);
            var toYear = last <= today.Month ? today.Year : today.Year - 1;
            var from = new DateOnly(first <= last ? toYear : toYear - 1, first, 1);
            return (from, new DateOnly(toYear, last, 1).AddMonths(1).AddDays(-1));
        });
        Add(g.LastNOfYear, m => g.Number(m.Groups["n"].Value) is { } n && n is > 0 and <= 366 && Int(m.Groups["y"]) is var year
            ? (g.UnitDays(m.Groups["u"].Value) == 30 ? new DateOnly(year, 12, 1).AddMonths(1 - n) : new DateOnly(year, 12, 31).AddDays(1 - (n * g.UnitDays(m.Groups["u"].Value))), new DateOnly(year, 12, 31))
            : null);
        Add(g.HalfYear, m => HalfOf(g.Ordinal(m.Groups["h"].Value), Int(m.Groups["y"])));
        Add(g.HalfAlone, m => g.Ordinal(m.Groups["h"].Value) is var half and (1 or 2)
            ? HalfOf(half, HalfOf(half, today.Year).Item1 <= today ? today.Year : today.Year - 1) : null);
        Add(g.YearRange, m => Int(m.Groups["a"]) <= Int(m.Groups["b"]) ? (new DateOnly(Int(m.Groups["a"]), 1, 1), new DateOnly(Int(m.Groups["b"]), 12, 31)) : null);
        Add(g.IsoWeek, m => IsoWeekOf(Int(m.Groups["y"]), Int(m.Groups["w"])));
        Add(g.EndOf, m => EndDay(m, today, g) is { } end ? (end, end) : null, isDay: true);
        Add(g.DayRangeSameMonth, m => DayRange(today, Month(m.Groups[3].Value), Int(m.Groups[1]), Month(m.Groups[3].Value), Int(m.Groups[2]), Year(m.Groups[4])));
        Add(g.MonthDayRange, m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[3].Value), Int(m.Groups[4]), null));
        Add(g.DayMonthRange, m => DayRange(today, Month(m.Groups[2].Value), Int(m.Groups[1]), Month(m.Groups[4].Value), Int(m.Groups[3]), null));
        Add(g.MonthDayToDayRange, m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[1].Value), Int(m.Groups[3]), null));
        Add(g.LastN, m => Last(today, g.Number(m.Groups[1].Value), g.UnitDays(m.Groups[2].Value)));
        Add(g.NLast, m => Last(today, g.Number(m.Groups["n"].Value), g.UnitDays(m.Groups["u"].Value)));
        Add(g.Since, m => SinceMonth(today, Month(m.Groups[1].Value), Year(m.Groups[2])));
        Add(g.SinceIso, m => (Iso(m.Groups[1].Value), today));
        Add(g.Quarter, m => QuarterOf(today, Int(m.Groups[1]), Year(m.Groups[2])));
        Add(g.LastQuarter, _ => (QuarterStart(today).AddMonths(-3), QuarterStart(today).AddDays(-1)));
        Add(g.QuarterWords, m => QuarterOf(today, g.Ordinal(m.Groups[1].Value), Year(m.Groups[2])));
        Add(g.ThisQuarter, _ => (QuarterStart(today), today));
        Add(g.ThisWeek, _ => (Monday(today), today));
        Add(g.LastWeek, _ => (Monday(today).AddDays(-7), Monday(today).AddDays(-1)));
        Add(g.ThisMonth, _ => (new DateOnly(today.Year, today.Month, 1), today));
        Add(g.LastMonth, _ => (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddDays(-1)));
        Add(g.ThisYear, _ => (new DateOnly(today.Year, 1, 1), today));
        Add(g.LastYear, _ => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)));
        Add(g.Yesterday, _ => (today.AddDays(-1), today.AddDays(-1)));
        Add(g.Today, _ => (today, today));
        Add(g.SingleDayWithYear, m => DayOf(m.Value, today, g) is { } d ? (d, d) : null, isDay: true);
        Add(g.HolidayDay, m => DayOf(m.Value, today, g) is { } d ? (d, d) : null, isDay: true);
        Add(g.NumericDate, m => NumericDay(m.Value.Trim()) is { } d ? (d, d) : null, isDay: true);
        Add(g.IsoDay, m => (Iso(m.Value.Trim()), Iso(m.Value.Trim())), isDay: true);
        Add(g.MonthOfYear, m => WholeMonth(today, Month(m.Groups[1].Value), Year(m.Groups[2])));
        Add(g.MonthBeforeAnother, m => WholeMonth(today, Month(m.Groups["m"].Value), null));
        Add(g.InMonth, m => WholeMonth(today, Month(m.Groups[1].Value), null));
        Add(g.BareMonth, m => WholeMonth(today, Month(m.Groups[1].Value), null));
        Add(BareYear(), m => (new DateOnly(Int(m.Groups[1]), 1, 1), new DateOnly(Int(m.Groups[1]), 12, 31)));
        AddElliptical(g, text, found);
        return JoinRanges(g, text, found.OrderBy(f => f.Position).ToList());
    }

    /// <summary>
    /// "from January 2019 to the end of 2023", « von Anfang 2020 bis Ende 2021 », "01.01.2014–30.06.2014": two dates
    /// a range opens and joins are one period, from the first one's start to the second one's end, whatever each is
    /// (a day, a month, a quarter, a year), as Duckling composes an interval from two time values.
    /// </summary>
    private static List<FoundPeriod> JoinRanges(PlannerGrammar g, string text, List<FoundPeriod> found)
    {
        for (var i = 0; i + 1 < found.Count; i++)
        {
            FoundPeriod first = found[i], second = found[i + 1];
            var between = text[(first.Position + first.Length)..second.Position];
            // Two days with nothing between them were joined by a dash (« 01.01.2014–30.06.2014 »).
            var dashed = between.Trim().Length == 0 && first.IsDay && second.IsDay;
            var opened = g.RangeOpens.IsMatch(text[..first.Position]) && g.Joins.IsMatch(" " + between.Trim() + " ");
            if ((dashed || opened) && first.From < second.From && first.To <= second.To)
            {
                var start = opened ? g.RangeOpens.Match(text[..first.Position]).Index : first.Position;
                found[i] = new FoundPeriod(start, second.Position + second.Length - start, first.From, second.To) { Ends = [first, second] };
                found.RemoveAt(i + 1);
            }
        }
        return found;
    }

    /// <summary>
    /// "in the first half of 2022 and in the second", « le premier trimestre 2021 contre le deuxième »: an ordinal on
    /// its own after a half or a quarter is another one of the same year.
    /// </summary>
    private static void AddElliptical(PlannerGrammar g, string text, List<FoundPeriod> found)
    {
        var named = found.Where(f => f.From.Day == 1 && f.From.Year == f.To.Year && (MonthsIn(f) is 3 or 6)).OrderBy(f => f.Position).FirstOrDefault();
        if (named is null)
        {
            return;
        }
        var months = MonthsIn(named);
        foreach (Match m in g.LoneOrdinal.Matches(text))
        {
            var at = m.Groups["o"];
            // « dal primo al secondo semestre 2022 »: an ordinal before the period only when a "to" or an "and" joins them.
            var before = at.Index < named.Position;
            if ((before && !g.Joins.IsMatch(" " + text[(at.Index + at.Length)..named.Position].Trim() + " ")) || found.Any(f => at.Index < f.Position + f.Length && f.Position < at.Index + at.Length))
            {
                continue;
            }
            var n = g.Ordinal(at.Value);
            if (n > 12 / months)
            {
                continue;
            }
            var from = new DateOnly(named.From.Year, ((n - 1) * months) + 1, 1);
            found.Add(new FoundPeriod(at.Index, at.Length, from, from.AddMonths(months).AddDays(-1)));
        }
    }

    private static int MonthsIn(FoundPeriod p) => (p.To.Year * 12 + p.To.Month) - (p.From.Year * 12 + p.From.Month) + 1 is var n && p.To.AddDays(1).Day == 1 ? n : 0;

    /// <summary>"as of March 1st", "au 1er février", "al 1 marzo": the day to score as of, or null.</summary>
    public static (DateOnly Day, int Position, int Length)? AsOf(Utterance utterance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var g = utterance.Lexicon.Grammar;
        var m = g.AsOfDay.Match(utterance.Normalised);
        if (!m.Success)
        {
            return null;
        }
        var day = m.Groups[1].Success
            ? (m.Groups[5].Success ? Make(Int(m.Groups[5]), g.Month(m.Groups[2].Value)!.Value, Int(m.Groups[1])) : Latest(today, g.Month(m.Groups[2].Value)!.Value, Int(m.Groups[1]), null))
            : (m.Groups[5].Success ? Make(Int(m.Groups[5]), g.Month(m.Groups[3].Value)!.Value, Int(m.Groups[4])) : Latest(today, g.Month(m.Groups[3].Value)!.Value, Int(m.Groups[4]), null));
        return day is { } d ? (d, m.Index, m.Length) : null;
    }

    /// <summary>The years a message names, with where they are: each must belong to a date the planner read.</summary>
    public static IEnumerable<(int Position, int Length)> Years(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return YearIn().Matches(utterance.Normalised).Select(m => (m.Index, m.Length));
    }

    /// <summary>One day written in words, with or without its year ("31 December 2014", "December 31, 2014", "1er mars").</summary>
    private static DateOnly? DayOf(string text, DateOnly today, PlannerGrammar g)
    {
        if (g.IsoDay.Match(" " + text + " ") is { Success: true } iso)
        {
            return Iso(iso.Value.Trim());
        }
        if (g.NumericDate.Match(" " + text + " ") is { Success: true } numeric)
        {
            return NumericDay(numeric.Value.Trim());
        }
        if (g.HolidayDay.Match(text) is { Success: true } holiday && g.Holiday(holiday.Groups["h"].Value) is { } fixedDay)
        {
            return holiday.Groups["y"].Success ? Make(Int(holiday.Groups["y"]), fixedDay.Month, fixedDay.Day) : Latest(today, fixedDay.Month, fixedDay.Day, null);
        }
        var m = g.DayWords.Match(text);
        if (!m.Success)
        {
            return null;
        }
        var (day, month) = m.Groups[1].Success ? (Int(m.Groups[1]), g.Month(m.Groups[2].Value)!.Value) : (Int(m.Groups[4]), g.Month(m.Groups[3].Value)!.Value);
        return m.Groups[5].Success ? Make(Int(m.Groups[5]), month, day) : Latest(today, month, day, null);
    }

    /// <summary>"31/12/2014", "31.12.2014", "12/31/2014" (read month first only when the day-first reading is impossible).</summary>
    private static DateOnly? NumericDay(string text)
    {
        var parts = text.Split('/', '.', '-');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b) || !int.TryParse(parts[2], out var year))
        {
            return null;
        }
        year = year < 100 ? 2000 + year : year;
        return b <= 12 && Make(year, b, a) is { } dayFirst ? dayFirst : a <= 12 ? Make(year, a, b) : null;
    }

    /// <summary>"end of April 2018", "fin avril 2018", "alla fine di maggio 2015", "end of Q2 2017", "end of 2016".</summary>
    private static DateOnly? EndDay(Match m, DateOnly today, PlannerGrammar g)
    {
        var year = m.Groups["y"].Success ? Int(m.Groups["y"]) : (int?)null;
        if (m.Groups["m"].Success)
        {
            var month = WholeMonth(today, g.Month(m.Groups["m"].Value)!.Value, year);
            return month?.Item2;
        }
        if (m.Groups["q"].Success || m.Groups["qo"].Success)
        {
            return QuarterOf(today, m.Groups["q"].Success ? Int(m.Groups["q"]) : g.Ordinal(m.Groups["qo"].Value), year).Item2;
        }
        return year is { } y ? new DateOnly(y, 12, 31) : null;
    }

    private static (DateOnly, DateOnly) HalfOf(int half, int year) =>
        half == 1 ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));

    /// <summary>The last N units up to today: <paramref name="unitDays"/> is 1, 7, 30 (a calendar month) or 365 (a year).</summary>
    private static (DateOnly, DateOnly)? Last(DateOnly today, int? number, int unitDays)
    {
        if (number is not { } n || n is < 1 or > 3660)
        {
            return null;
        }
        return unitDays switch
        {
            1 => (today.AddDays(-(n - 1)), today),
            7 => (today.AddDays(-((7 * n) - 1)), today),
            30 => (today.AddMonths(-n).AddDays(1), today),
            180 => (today.AddMonths(-6 * n).AddDays(1), today),
            _ => (today.AddYears(-n).AddDays(1), today),
        };
    }

    private static (DateOnly, DateOnly)? SinceMonth(DateOnly today, int month, int? year)
    {
        var start = year is { } y ? new DateOnly(y, month, 1) : LatestMonthStart(today, month);
        return (start, today);
    }

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);

    private static (DateOnly, DateOnly) QuarterOf(DateOnly today, int quarter, int? year)
    {
        var y = year ?? (new DateOnly(today.Year, ((quarter - 1) * 3) + 1, 1) <= today ? today.Year : today.Year - 1);
        var start = new DateOnly(y, ((quarter - 1) * 3) + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    private static (DateOnly, DateOnly)? WholeMonth(DateOnly today, int month, int? year)
    {
        var start = year is { } y ? new DateOnly(y, month, 1) : LatestMonthStart(today, month);
        return (start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// A range of days: the end is on its year, else the latest such day not after today; the start is on its own
    /// year when one is written, else the latest such day not after the end.
    /// </summary>
    private static (DateOnly, DateOnly)? DayRange(DateOnly today, int fromMonth, int fromDay, int toMonth, int toDay, int? year, int? fromYear = null)
    {
        var end = year is { } y ? Make(y, toMonth, toDay) : Latest(today, toMonth, toDay, null);
        if (end is not { } to)
        {
            return null;
        }
        var start = fromYear is { } fy ? Make(fy, fromMonth, fromDay) : Latest(to, fromMonth, fromDay, null);
        return start is { } from ? (from, to) : null;
    }

    private static DateOnly? Latest(DateOnly notAfter, int month, int day, int? year)
    {
        for (var y = year ?? notAfter.Year; y >= notAfter.Year - 1; y--)
        {
            if (Make(y, month, day) is { } date && date <= notAfter)
            {
                return date;
            }
        }
        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static DateOnly LatestMonthStart(DateOnly today, int month) =>
        new(month <= today.Month ? today.Year : today.Year - 1, month, 1);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Iso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int Int(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int? Year(Group group) => group.Success ? Int(group) : null;

    private static (DateOnly, DateOnly)? IsoWeekOf(int year, int week)
    {
        if (week is < 1 or > 53)
        {
            return null;
        }
        var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return (monday, monday.AddDays(6));
    }

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"\b(20\d\d)\b")]
    private static partial Regex BareYear();
}
