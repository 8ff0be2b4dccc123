using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>A period found in a message: where it is (to keep the order the manager wrote), and its days.</summary>
public sealed record FoundPeriod(int Position, int Length, DateOnly From, DateOnly To)
{
    /// <summary>A day named on its own ("31 December 2014", "fin avril 2018", "31/12/2014"): the as-of day of a scoring.</summary>
    public bool IsDay { get; init; }
}

/// <summary>
/// Reads the periods managers write, in English, French and Italian: "last 30 days", "depuis 3 mois", "negli ultimi
/// 10 giorni", "this month", "le mois dernier", "Q3 2025", "au T1", "since January", "in February", "du 1er au 10 mars",
/// "from December 15 to January 15", "yesterday", a bare year. Dates resolve against the community's today: a month
/// or quarter without a year is the latest one that has started, and nothing ends after today.
/// </summary>
public static partial class DateExpressions
{
    private const string Number = @"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|uno|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|quindici|venti|trenta)";
    private const string Unit = @"(days?|weeks?|months?|years?|jours?|semaines?|mois|ans|annees?|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)";
    // Longest names first: the regex takes the first alternative that fits ("octobre" before "oct").
    private const string MonthName = @"(september|septembre|settembre|february|november|december|novembre|decembre|febbraio|dicembre|january|october|janvier|fevrier|juillet|octobre|gennaio|ottobre|august|aprile|maggio|giugno|luglio|agosto|march|april|avril|marzo|june|july|sept|mars|juin|aout|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|mai)";
    private const string Weekday = @"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica) )?";
    private const string Day = @"(?:(?:the|le|il|l) )?" + Weekday + @"(\d{1,2})(?:st|nd|rd|th|er|re|eme)?(?: of)?";
    private const string YearPattern = @"(20\d\d)";

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9,
        ["dix"] = 10, ["onze"] = 11, ["douze"] = 12, ["quinze"] = 15, ["vingt"] = 20, ["trente"] = 30,
        ["uno"] = 1, ["una"] = 1, ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8,
        ["nove"] = 9, ["dieci"] = 10, ["undici"] = 11, ["dodici"] = 12, ["quindici"] = 15, ["venti"] = 20, ["trenta"] = 30,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["janvier"] = 1, ["gennaio"] = 1,
        ["february"] = 2, ["feb"] = 2, ["fevrier"] = 2, ["febbraio"] = 2,
        ["march"] = 3, ["mar"] = 3, ["mars"] = 3, ["marzo"] = 3,
        ["april"] = 4, ["apr"] = 4, ["avril"] = 4, ["aprile"] = 4,
        ["may"] = 5, ["mai"] = 5, ["maggio"] = 5,
        ["june"] = 6, ["jun"] = 6, ["juin"] = 6, ["giugno"] = 6,
        ["july"] = 7, ["jul"] = 7, ["juillet"] = 7, ["luglio"] = 7,
        ["august"] = 8, ["aug"] = 8, ["aout"] = 8, ["agosto"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["septembre"] = 9, ["settembre"] = 9,
        ["october"] = 10, ["oct"] = 10, ["octobre"] = 10, ["ottobre"] = 10,
        ["november"] = 11, ["nov"] = 11, ["novembre"] = 11,
        ["december"] = 12, ["dec"] = 12, ["decembre"] = 12, ["dicembre"] = 12,
    };

    /// <summary>A number written in digits or words (English, French, Italian), or null.</summary>
    public static int? ParseNumber(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : Numbers.TryGetValue(text, out var word) ? word : null;

    public const string NumberPattern = Number;

    /// <summary>Every period in the message, in the order written; overlapping readings keep the most specific.</summary>
    public static IReadOnlyList<FoundPeriod> Find(Utterance utterance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var text = utterance.Normalised;
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

        Add(IsoRange(), m => (Iso(m.Groups[1].Value), Iso(m.Groups[2].Value)));
        Add(NumericRange(), m => NumericDay(m.Groups[1].Value) is { } a && NumericDay(m.Groups[2].Value) is { } b ? (a, b) : null);
        Add(DaysBefore(), m => ParseNumber(m.Groups["n"].Value) is { } n && DayOf(m.Groups["date"].Value, today) is { } end
            ? (end.AddDays(-n * UnitDays(m.Groups["u"].Value)), end.AddDays(-1)) : null);
        Add(DayMonthYearRange(), m => DayRange(today, Month(m.Groups[2].Value), Int(m.Groups[1]), Month(m.Groups[5].Value), Int(m.Groups[4]), Int(m.Groups[6]), Year(m.Groups[3])));
        Add(MonthDayYearRange(), m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[4].Value), Int(m.Groups[5]), Int(m.Groups[6]), Year(m.Groups[3])));
        Add(MonthRangeOfYear(), m =>
        {
            var to = new DateOnly(Int(m.Groups["y2"]), Month(m.Groups["m2"].Value), 1);
            var fromYear = m.Groups["y1"].Success ? Int(m.Groups["y1"]) : (Month(m.Groups["m1"].Value) <= to.Month ? to.Year : to.Year - 1);
            return (new DateOnly(fromYear, Month(m.Groups["m1"].Value), 1), to.AddMonths(1).AddDays(-1));
        });
        Add(HalfYear(), m => HalfOf(m.Groups["h"].Value, Int(m.Groups["y"])));
        Add(YearRange(), m => Int(m.Groups["a"]) <= Int(m.Groups["b"]) ? (new DateOnly(Int(m.Groups["a"]), 1, 1), new DateOnly(Int(m.Groups["b"]), 12, 31)) : null);
        Add(IsoWeek(), m => IsoWeekOf(Int(m.Groups["y"]), Int(m.Groups["w"])));
        Add(EndOf(), m => EndDay(m, today) is { } end ? (end, end) : null, isDay: true);
        Add(DayRangeSameMonth(), m => DayRange(today, Month(m.Groups[3].Value), Int(m.Groups[1]), Month(m.Groups[3].Value), Int(m.Groups[2]), Year(m.Groups[4])));
        Add(MonthDayRange(), m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[3].Value), Int(m.Groups[4]), null));
        Add(DayMonthRange(), m => DayRange(today, Month(m.Groups[2].Value), Int(m.Groups[1]), Month(m.Groups[4].Value), Int(m.Groups[3]), null));
        Add(MonthDayToDayRange(), m => DayRange(today, Month(m.Groups[1].Value), Int(m.Groups[2]), Month(m.Groups[1].Value), Int(m.Groups[3]), null));
        Add(LastN(), m => Last(today, m.Groups[1].Value, m.Groups[2].Value));
        Add(NLast(), m => Last(today, m.Groups["n"].Value, m.Groups["u"].Value));
        Add(Since(), m => SinceMonth(today, m.Groups[1].Value, Year(m.Groups[2])));
        Add(SinceIso(), m => (Iso(m.Groups[1].Value), today));
        Add(Quarter(), m => QuarterOf(today, Int(m.Groups[1]), Year(m.Groups[2])));
        Add(QuarterWords(), m => QuarterOf(today, QuarterNumber(m.Groups[1].Value), Year(m.Groups[2])));
        Add(ThisQuarter(), _ => (new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1), today));
        Add(ThisWeek(), _ => (Monday(today), today));
        Add(LastWeek(), _ => (Monday(today).AddDays(-7), Monday(today).AddDays(-1)));
        Add(ThisMonth(), _ => (new DateOnly(today.Year, today.Month, 1), today));
        Add(LastMonth(), _ => (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddDays(-1)));
        Add(ThisYear(), _ => (new DateOnly(today.Year, 1, 1), today));
        Add(LastYear(), _ => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)));
        Add(Yesterday(), _ => (today.AddDays(-1), today.AddDays(-1)));
        Add(Today(), _ => (today, today));
        Add(SingleDayWithYear(), m => DayOf(m.Value, today) is { } d ? (d, d) : null, isDay: true);
        Add(NumericDate(), m => NumericDay(m.Value.Trim()) is { } d ? (d, d) : null, isDay: true);
        Add(IsoDay(), m => (Iso(m.Value.Trim()), Iso(m.Value.Trim())), isDay: true);
        Add(MonthOfYear(), m => WholeMonth(today, Month(m.Groups[1].Value), Year(m.Groups[2])));
        Add(InMonth(), m => WholeMonth(today, Month(m.Groups[1].Value), null));
        Add(BareMonth(), m => WholeMonth(today, Month(m.Groups[1].Value), null));
        Add(BareYear(), m => (new DateOnly(Int(m.Groups[1]), 1, 1), new DateOnly(Int(m.Groups[1]), 12, 31)));
        return found.OrderBy(f => f.Position).ToList();
    }

    /// <summary>"as of March 1st", "au 1er février", "al 1 marzo": the day to score as of, or null.</summary>
    public static (DateOnly Day, int Position, int Length)? AsOf(Utterance utterance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var m = AsOfDay().Match(utterance.Normalised);
        if (!m.Success)
        {
            return null;
        }
        var day = m.Groups[1].Success
            ? (m.Groups[5].Success ? Make(Int(m.Groups[5]), Month(m.Groups[2].Value), Int(m.Groups[1])) : Latest(today, Month(m.Groups[2].Value), Int(m.Groups[1]), null))
            : (m.Groups[5].Success ? Make(Int(m.Groups[5]), Month(m.Groups[3].Value), Int(m.Groups[4])) : Latest(today, Month(m.Groups[3].Value), Int(m.Groups[4]), null));
        return day is { } d ? (d, m.Index, m.Length) : null;
    }

    /// <summary>One day written in words, with or without its year ("31 December 2014", "December 31, 2014", "1er mars").</summary>
    private static DateOnly? DayOf(string text, DateOnly today)
    {
        if (IsoDay().Match(" " + text + " ") is { Success: true } iso)
        {
            return Iso(iso.Value.Trim());
        }
        if (NumericDate().Match(" " + text + " ") is { Success: true } numeric)
        {
            return NumericDay(numeric.Value.Trim());
        }
        var m = DayWords().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var (day, month) = m.Groups[1].Success ? (Int(m.Groups[1]), Month(m.Groups[2].Value)) : (Int(m.Groups[4]), Month(m.Groups[3].Value));
        return m.Groups[5].Success ? Make(Int(m.Groups[5]), month, day) : Latest(today, month, day, null);
    }

    /// <summary>"31/12/2014", "31.12.2014", "12/31/2014" (read month first only when the day-first reading is impossible).</summary>
    private static DateOnly? NumericDay(string text)
    {
        var parts = text.Split('/', '.');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b) || !int.TryParse(parts[2], out var year))
        {
            return null;
        }
        year = year < 100 ? 2000 + year : year;
        return b <= 12 && Make(year, b, a) is { } dayFirst ? dayFirst : a <= 12 ? Make(year, a, b) : null;
    }

    private static int UnitDays(string unit) => unit[0] is 'w' or 's' ? 7 : unit[0] == 'm' ? 30 : 1;

    /// <summary>"end of April 2018", "fin avril 2018", "alla fine di maggio 2015", "end of Q2 2017", "end of 2016".</summary>
    private static DateOnly? EndDay(Match m, DateOnly today)
    {
        var year = m.Groups["y"].Success ? Int(m.Groups["y"]) : (int?)null;
        if (m.Groups["m"].Success)
        {
            var month = WholeMonth(today, Month(m.Groups["m"].Value), year);
            return month?.Item2;
        }
        if (m.Groups["q"].Success)
        {
            return QuarterOf(today, Int(m.Groups["q"]), year).Item2;
        }
        return year is { } y ? new DateOnly(y, 12, 31) : null;
    }

    private static (DateOnly, DateOnly) HalfOf(string half, int year) =>
        half is "first" or "1st" or "premier" or "1er" or "primo" or "h1" or "s1"
            ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30))
            : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));

    private static (DateOnly, DateOnly)? Last(DateOnly today, string number, string unit)
    {
        if (ParseNumber(number) is not { } n || n is < 1 or > 3660)
        {
            return null;
        }
        return unit[0] switch
        {
            'd' or 'j' or 'g' => (today.AddDays(-(n - 1)), today),
            'w' or 's' => (today.AddDays(-((7 * n) - 1)), today),
            'm' => (today.AddMonths(-n).AddDays(1), today),
            _ => (today.AddYears(-n).AddDays(1), today),
        };
    }

    private static (DateOnly, DateOnly)? SinceMonth(DateOnly today, string month, int? year)
    {
        var start = year is { } y ? new DateOnly(y, Month(month), 1) : LatestMonthStart(today, Month(month));
        return (start, today);
    }

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

    private static int Month(string name) => Months[name];

    private static int Int(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int? Year(Group group) => group.Success ? Int(group) : null;

    private static int QuarterNumber(string word) => word switch
    {
        "first" or "1st" or "premier" or "1er" or "primo" => 1,
        "second" or "2nd" or "deuxieme" or "2e" or "secondo" => 2,
        "third" or "3rd" or "troisieme" or "3e" or "terzo" => 3,
        _ => 4,
    };

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2}) (?:to|and|au|et|-|al|e|a|through|until) (\d{4}-\d{2}-\d{2})")]
    private static partial Regex IsoRange();

    private const string Numeric = @"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})";

    [GeneratedRegex(@"(?:between |from |du |entre le |entre |dal |tra il |fra il |da )?(" + Numeric + @") (?:and|to|au|et le|et|al|e il|e|a|-|through|until) (" + Numeric + ")")]
    private static partial Regex NumericRange();

    [GeneratedRegex(@"(?<= )" + Numeric + @"(?= )")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<= )\d{4}-\d{2}-\d{2}(?= )")]
    private static partial Regex IsoDay();

    private const string Connector = @"(?:and|to|au|et le|et|al|e il|e|a|-|through|until|till|up to|jusqu au|fino al)";

    // "between 1 October and 31 December 2013", "du 1er juin au 31 août 2014", "tra il 1 luglio e il 30 settembre 2013", "from Monday 4 November to Sunday 10 November 2013"
    [GeneratedRegex(@"(?:between |from |du |entre le |entre |dal |tra il |fra il |tra |fra |da )?" + Day + " " + MonthName + "(?: " + YearPattern + ")? " + Connector + " " + Day + " " + MonthName + " " + YearPattern + @"\b")]
    private static partial Regex DayMonthYearRange();

    // "between April 2 and June 15, 2016", "from December 15, 2015 to January 15, 2016"
    [GeneratedRegex(@"(?:between |from )?" + MonthName + " " + Day + "(?: " + YearPattern + ")? " + Connector + " " + MonthName + " " + Day + " " + YearPattern + @"\b")]
    private static partial Regex MonthDayYearRange();

    // "January to June 2014", "from July to December 2014", "de janvier à mars 2015", "da gennaio a giugno 2014";
    // "and" joins the two months only after "between" ("January 2014 and January 2015" are two periods to compare).
    private static Regex MonthRangeOfYear() => MonthRangeOfYearPattern.Value;

    private static readonly Lazy<Regex> MonthRangeOfYearPattern = new(() =>
    {
        var first = "(?<m1>" + MonthName[1..^1] + ")(?: (?<y1>20\\d\\d))?";
        return new Regex(
            @"(?:(?:from |de |da |du mois de )?" + first + " (?:to|through|until|till|a|au|-|jusqu a|fino a) |(?:between|entre|tra|fra) " + first + " (?:and|et|e) )(?<m2>" + MonthName[1..^1] + @") (?<y2>20\d\d)\b",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    });

    // "between 2014 and 2016", "from 2014 to 2016", "de 2014 à 2016", "dal 2014 al 2016", "2014-2016": whole years.
    [GeneratedRegex(@"\b(?:(?:between|entre|tra|fra) (?:l |il )?(?<a>20\d\d) (?:and|et|e) (?:l |il )?(?<b>20\d\d)|(?:from|de|da|dal|du) (?:l |il )?(?<a>20\d\d) (?:to|through|until|a|au|al|jusqu a|fino al) (?:l |il )?(?<b>20\d\d))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex YearRange();

    // "ISO week 19 of 2019", "week 19 2019", "semaine 19 de 2019", "settimana 19 del 2019"
    [GeneratedRegex(@"\b(?:iso )?(?:week|semaine|settimana)(?: iso)? (?:n |no |number |numero )?(?<w>\d{1,2}) (?:of |de |du |del |dell |in )?(?:l |il )?(?<y>20\d\d)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex IsoWeek();

    private static (DateOnly, DateOnly)? IsoWeekOf(int year, int week)
    {
        if (week is < 1 or > 53)
        {
            return null;
        }
        var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return (monday, monday.AddDays(6));
    }

    [GeneratedRegex(@"\b(?:(?<h>first|1st|second|2nd|premier|1er|deuxieme|second|primo|secondo) (?:half|semestre)(?: (?:of|de|du|del|dell))?(?: l| the)? (?<y>20\d\d)|(?<h>h1|h2|s1|s2) (?<y>20\d\d))\b")]
    private static partial Regex HalfYear();

    // "the 90 days before 1 March 2020", "les 30 jours avant le 15 mai 2019", "i 30 giorni prima del 1 marzo 2020"
    [GeneratedRegex(@"(?:the |les |i |in the |dans les |nei )?(?<n>\d{1,4}) (?<u>days?|weeks?|jours?|semaines?|giorni|settimane) (?:before|leading up to|prior to|up to|avant le|avant|precedant le|qui ont precede le|qui precedent le|qui ont precede|precedenti il|che hanno preceduto il|prima del|prima dell|prima di) (?<date>(?:" + Day + " " + MonthName + "|" + MonthName + " " + Day + ")(?: " + YearPattern + ")?|" + Numeric + @"|\d{4}-\d{2}-\d{2})")]
    private static partial Regex DaysBefore();

    // "31 December 2014", "December 31 2014", "le 1er mars 2018": a day with its year.
    [GeneratedRegex(@"(?:" + Day + " " + MonthName + "|" + MonthName + " " + Day + ") " + YearPattern + @"\b")]
    private static partial Regex SingleDayWithYear();

    [GeneratedRegex(@"(?:" + Day + " " + MonthName + "|" + MonthName + " " + Day + ")(?: " + YearPattern + @")?\b")]
    private static partial Regex DayWords();

    // "end of April 2018", "at the end of Q2 2017", "fin avril 2018", "fin du T2 2017", "alla fine di maggio 2015", "a fine maggio", "fine 2016"
    private static Regex EndOf() => EndOfChecked.Value;

    // Only readings that name a month, a quarter or a year: "the end of it" is no date.
    private static readonly Lazy<Regex> EndOfChecked = new(() => new Regex(
        @"\b(?:(?:at )?the end of|end of|a la fin de|a la fin du|fin de|fin du|fin d|fin|alla fine di|alla fine del|a fine|fine di|fine del|fine)(?: the)? (?:(?:le |la )?mois d |(?:il )?mese di )?(?:(?:(?<m>" + MonthName[1..^1] + @")|[qt](?<q>[1-4]))(?: (?:de |of |del )?(?<y>20\d\d))?|(?<y>20\d\d))\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture));

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    /// <summary>The years a message names, with where they are: each must belong to a date the planner read.</summary>
    public static IEnumerable<(int Position, int Length)> Years(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return YearIn().Matches(utterance.Normalised).Select(m => (m.Index, m.Length));
    }

    // "between 1 and 15 february", "du 1er au 10 mars", "dal 1 al 15 febbraio", "1-15 february 2026"
    [GeneratedRegex(@"(?:between |from |du |entre le |entre |dal |tra il |fra il )?" + Day + @" ?(?:and|to|au|et le|et|al|e il|e|a|-|through|until) ?" + Day + " (?:of )?" + MonthName + @"(?: " + YearPattern + ")?")]
    private static partial Regex DayRangeSameMonth();

    // "from december 15 to january 15", "between feb 1 and feb 15"
    [GeneratedRegex(@"(?:between |from )?" + MonthName + " " + Day + " (?:and|to|through|until|-) " + MonthName + " " + Day)]
    private static partial Regex MonthDayRange();

    // "from 15 december to 15 january", "du 15 decembre au 15 janvier", "dal 15 dicembre al 15 gennaio"
    [GeneratedRegex(@"(?:between |from |du |entre le |dal )?" + Day + " " + MonthName + " (?:and|to|au|et le|al|-) " + Day + " " + MonthName)]
    private static partial Regex DayMonthRange();

    // "february 1-15", "feb 1 to 15"
    [GeneratedRegex(MonthName + " " + Day + " ?(?:-|to|through) ?" + Day)]
    private static partial Regex MonthDayToDayRange();

    [GeneratedRegex(@"(?:last|past|previous|ultimi|ultime|derniers|dernieres) " + Number + " " + Unit + @"\b")]
    private static partial Regex LastN();

    private static Regex NLast() => NLastCombined.Value;

    // "depuis 3 mois", "over the past 10 days", "les 30 derniers jours": the number before or after the cue.
    private static readonly Lazy<Regex> NLastCombined = new(() => new Regex(
        @"(?:(?:depuis|for the past|over the past|in the past|da|dagli ultimi|sur) (?<n>" + Number[1..^1] + ") (?<u>" + Unit[1..^1] + @")\b|\b(?<n>" + Number[1..^1] + ") (?:derniers|dernieres) (?<u>" + Unit[1..^1] + @")\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture));

    [GeneratedRegex(@"(?:since|depuis|from|da|dal|a partire da|a partir de|depuis le debut de|since the start of|since the beginning of|dall inizio di) (?:the )?(?:mois de |month of |mese di )?" + MonthName + @"(?: " + YearPattern + @")?\b")]
    private static partial Regex Since();

    [GeneratedRegex(@"(?:since|depuis le|depuis|dal|from) (\d{4}-\d{2}-\d{2})")]
    private static partial Regex SinceIso();

    [GeneratedRegex(@"\b[qt]([1-4])(?: " + YearPattern + @")?\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(first|1st|second|2nd|third|3rd|fourth|4th|last|premier|1er|deuxieme|2e|troisieme|3e|quatrieme|4e|primo|secondo|terzo|quarto) (?:quarter|trimestre)(?: (?:of |de |del )?" + YearPattern + @")?\b")]
    private static partial Regex QuarterWords();

    [GeneratedRegex(@"\b(?:this quarter|current quarter|ce trimestre|trimestre en cours|questo trimestre)\b")]
    private static partial Regex ThisQuarter();

    [GeneratedRegex(@"\b(?:this week|cette semaine|questa settimana|semaine en cours)\b")]
    private static partial Regex ThisWeek();

    [GeneratedRegex(@"\b(?:last week|previous week|past week|semaine derniere|semaine passee|semaine precedente|settimana scorsa|settimana passata)\b")]
    private static partial Regex LastWeek();

    [GeneratedRegex(@"\b(?:this month|ce mois ci|ce mois|questo mese|mois en cours|current month)\b")]
    private static partial Regex ThisMonth();

    [GeneratedRegex(@"\b(?:last month|previous month|past month|mois dernier|mois precedent|mois passe|mese scorso|mese passato)\b")]
    private static partial Regex LastMonth();

    [GeneratedRegex(@"\b(?:this year|this year s|cette annee|depuis le debut de l annee|debut de l annee|since the start of the year|since the beginning of the year|so far this year|year to date|ytd|quest anno|dall inizio dell anno)\b")]
    private static partial Regex ThisYear();

    [GeneratedRegex(@"\b(?:last year|previous year|annee derniere|annee passee|l anno scorso|anno scorso|anno passato)\b")]
    private static partial Regex LastYear();

    [GeneratedRegex(@"\b(?:yesterday|hier|ieri)\b")]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"\b(?:today|aujourd hui|oggi)\b")]
    private static partial Regex Today();

    [GeneratedRegex(@"\b" + MonthName + " " + YearPattern + @"\b")]
    private static partial Regex MonthOfYear();

    [GeneratedRegex(@"\b(?:in|en|of|d|di|a|nel mese di|au mois de|in the month of|during|pendant|durant|with|avec|au|for|pour|per) " + MonthName + @"\b")]
    private static partial Regex InMonth();

    // A month name on its own ("how's march looking compared with february?"); "may" and "mar" need a context, "mai" too.
    [GeneratedRegex(@"\b(january|february|march|april|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre)\b")]
    private static partial Regex BareMonth();

    [GeneratedRegex(@"\b(20\d\d)\b")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"(?:as of|as at|au|en date du|a la date du|al|alla data del|on) (?:" + Day + " " + MonthName + "|" + MonthName + " " + Day + ")(?: " + YearPattern + @")?\b")]
    private static partial Regex AsOfDay();
}
