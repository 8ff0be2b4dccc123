using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The planner's patterns (dates, durations, thresholds, counts), their structure here and their words from the
/// lexicon: <c>{key}</c> stands for the alternation of a key's phrases in every language (a key no language has
/// never matches), and the capitalised names for the shared pieces (a month, a number, a unit, a day, a year).
/// Built once per lexicon, as Recognizers-Text builds its per-language patterns from their word lists.
/// </summary>
public sealed partial class PlannerGrammar
{
    private readonly PlannerLexicon _lexicon;
    private readonly Dictionary<string, int> _months = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unitDays = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _pieces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _halves = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Month, int Day)> _holidays = new(StringComparer.Ordinal);

    public PlannerGrammar(PlannerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        for (var month = 1; month <= 12; month++)
        {
            Index(_months, $"month.{month}", month);
        }
        foreach (var (value, _) in lexicon.Table("number"))
        {
            Index(_numbers, $"number.{value}", int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        // Half a year is six months of thirty days, as a threshold of "6 months" is.
        foreach (var (name, days) in new[] { ("day", 1), ("week", 7), ("month", 30), ("half_year", 180), ("year", 365) })
        {
            Index(_unitDays, $"unit.{name}", days);
        }
        for (var ordinal = 1; ordinal <= 4; ordinal++)
        {
            Index(_ordinals, $"ordinal.{ordinal}", ordinal);
        }
        // "the 30 days before christmas 2018": a holiday on a fixed day is that day (holiday.MM-DD).
        foreach (var (value, phrases) in lexicon.Table("holiday"))
        {
            var monthDay = value.Split('-');
            foreach (var phrase in phrases.Phrases)
            {
                _holidays.TryAdd(phrase, (int.Parse(monthDay[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(monthDay[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        Index(_halves, "date.half_short.1", 1);
        Index(_halves, "date.half_short.2", 2);

        var months = Alternation(_months.Keys);
        var number = @"(\d{1,3}|" + Alternation(_numbers.Keys) + ")";
        var unit = "(" + Alternation(_unitDays.Keys) + ")";
        _pieces["MONTHS"] = months;
        _pieces["MONTH"] = "(" + months + ")";
        _pieces["BARE_MONTH"] = "(" + Alternation(_months.Keys.Except(Words("date.ambiguous_month").Phrases)) + ")";
        _pieces["NUMBER"] = number;
        _pieces["NUMBERS"] = number[1..^1];
        _pieces["UNIT"] = unit;
        _pieces["UNITS"] = unit[1..^1];
        _pieces["UNIT_DWM"] = Alternation(_unitDays.Where(u => u.Value < 365).Select(u => u.Key));
        _pieces["UNIT_DW"] = Alternation(_unitDays.Where(u => u.Value < 30).Select(u => u.Key));
        _pieces["ORDINAL"] = Alternation(_ordinals.Keys);
        _pieces["HALF_SHORT"] = Alternation(_halves.Keys);
        _pieces["HOLIDAY"] = _holidays.Count == 0 ? "(?!)" : "(?:" + Alternation(_holidays.Keys) + ")";
        _pieces["NUMERIC"] = @"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})";
        _pieces["DAY"] = Fill(@"(?:(?:{date.day_article}) )?(?:(?:{weekday}) )?(\d{1,2})(?:{date.ordinal_suffix})?(?: (?:{date.day_of}))?");
        _pieces["YEAR"] = Fill(@"(?:(?:{date.month_year_of}) )?(20\d\d)");
    }

    /// <summary>Each phrase of <paramref name="key"/> stands for <paramref name="value"/> (the first language to name a word keeps it).</summary>
    private void Index(Dictionary<string, int> into, string key, int value)
    {
        foreach (var word in Words(key).Phrases)
        {
            into.TryAdd(word, value);
        }
    }

    /// <summary>A month's number by any of its names, or null.</summary>
    public int? Month(string name) => _months.TryGetValue(name, out var month) ? month : null;

    /// <summary>The month and day of a holiday by any of its names ("christmas", « Noël », "Weihnachten"), or null.</summary>
    public (int Month, int Day)? Holiday(string name) => _holidays.TryGetValue(name, out var day) ? day : null;

    /// <summary>A number written in digits or words, or null.</summary>
    public int? Number(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : _numbers.TryGetValue(text, out var word) ? word : null;

    /// <summary>The days in one of a unit word ("weeks" 7, « mois » 30), 1 when unknown or empty.</summary>
    public int UnitDays(string unit) => _unitDays.TryGetValue(unit, out var days) ? days : 1;

    /// <summary>1 to 4 for "first" to "fourth" (and "last"), or 2 for the second half ("h2").</summary>
    public int Ordinal(string word) => _ordinals.TryGetValue(word, out var n) ? n : _halves.TryGetValue(word, out var half) ? half : 4;

    /// <summary>A template with its <c>{key}</c> and capitalised pieces filled in.</summary>
    public string Fill(string template) => Placeholder().Replace(template, m =>
    {
        var name = m.Groups[1].Value;
        if (_pieces.TryGetValue(name, out var piece))
        {
            return piece;
        }
        var words = Words(name).Alternation();
        return words.Length == 0 ? "(?!)" : "(?:" + words + ")";
    });

    public Regex Build(string template, RegexOptions options = RegexOptions.None) => new(Fill(template), options | RegexOptions.CultureInvariant);

    private PhraseSet Words(string key) => _lexicon.Has(key) ? _lexicon[key] : PhraseSet.Empty;

    private static string Alternation(IEnumerable<string> words) => new PhraseSet(words).Alternation();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z_.0-9]*)\}")]
    private static partial Regex Placeholder();
}
