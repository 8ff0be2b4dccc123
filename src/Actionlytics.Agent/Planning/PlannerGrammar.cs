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

    public PlannerGrammar(PlannerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        for (var month = 1; month <= 12; month++)
        {
            foreach (var name in Words($"month.{month}").Phrases)
            {
                _months.TryAdd(name, month);
            }
        }
        foreach (var (value, words) in lexicon.Table("number"))
        {
            foreach (var word in words.Phrases)
            {
                _numbers.TryAdd(word, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        foreach (var (name, days) in new[] { ("day", 1), ("week", 7), ("month", 30), ("year", 365) })
        {
            foreach (var word in Words($"unit.{name}").Phrases)
            {
                _unitDays.TryAdd(word, days);
            }
        }
        var months = Alternation(_months.Keys);
        var bare = Alternation(_months.Keys.Except(Words("date.ambiguous_month").Phrases));
        var number = @"(\d{1,3}|" + Alternation(_numbers.Keys) + ")";
        var unit = "(" + Alternation(_unitDays.Keys) + ")";
        var unitDwm = Alternation(_unitDays.Where(u => u.Value < 365).Select(u => u.Key));
        var unitDw = Alternation(_unitDays.Where(u => u.Value < 30).Select(u => u.Key));
        _pieces = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MONTHS"] = months,
            ["MONTH"] = "(" + months + ")",
            ["BARE_MONTH"] = "(" + bare + ")",
            ["NUMBER"] = number,
            ["NUMBERS"] = number[1..^1],
            ["UNIT"] = unit,
            ["UNITS"] = unit[1..^1],
            ["UNIT_DWM"] = unitDwm,
            ["UNIT_DW"] = unitDw,
            ["DAY"] = Fill(@"(?:(?:{date.day_article}) )?(?:(?:{weekday}) )?(\d{1,2})(?:{date.ordinal_suffix})?(?: (?:{date.day_of}))?"),
            ["YEAR"] = Fill(@"(?:(?:{date.month_year_of}) )?(20\d\d)"),
            ["NUMERIC"] = @"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})",
        };
        foreach (var ordinal in Enumerable.Range(1, 4))
        {
            foreach (var word in Words($"ordinal.{ordinal}").Phrases)
            {
                _ordinals.TryAdd(word, ordinal);
            }
        }
        foreach (var half in new[] { 1, 2 })
        {
            foreach (var word in Words($"date.half_short.{half}").Phrases)
            {
                _halves.TryAdd(word, half);
            }
        }
        _pieces["ORDINAL"] = Alternation(_ordinals.Keys);
        _pieces["HALF_SHORT"] = Alternation(_halves.Keys);
    }

    private readonly Dictionary<string, string> _pieces;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _halves = new(StringComparer.Ordinal);

    /// <summary>A month's number by any of its names, or null.</summary>
    public int? Month(string name) => _months.TryGetValue(name, out var month) ? month : null;

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
        if (_pieces is not null && _pieces.TryGetValue(name, out var piece))
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
