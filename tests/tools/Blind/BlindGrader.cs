using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Actionlytics.Tests.Tools.Blind;

/// <summary>
/// The automatic first reading of an answer against a blind question's expected figures. It errs both ways (a tie at a
/// top list's cut, a coincidental number), which is why every first measurement is also read by hand; the benchmark
/// uses it to show, per set and language, whether what passed still passes.
/// </summary>
internal static partial class BlindGrader
{
    public static BlindGrade Grade(BlindQuestion question, string answer, bool ranAnalysis)
    {
        // The planner's one way of not answering is to run no analysis (it says what it did not place, or what it can do).
        var refused = !ranAnalysis;
        if (question.IsUnanswerable)
        {
            return refused ? BlindGrade.Right : BlindGrade.Wrong;
        }
        if (refused)
        {
            return BlindGrade.Refusal;
        }

        var expected = question.Expected;
        var main = new List<double>();
        var ids = new List<string>();
        if (expected.ValueKind == JsonValueKind.Object)
        {
            // Alternatives and the members tied at a top list's cut are not all owed: any of them may close the list.
            foreach (var property in expected.EnumerateObject().Where(p => !p.Name.StartsWith("alternative", StringComparison.Ordinal) && !p.Name.Contains("tie", StringComparison.Ordinal)))
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    main.Add(property.Value.GetDouble());
                }
                else if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("member_id", out var id))
                        {
                            ids.Add(id.GetString()!);
                        }
                        else if (item.ValueKind == JsonValueKind.String)
                        {
                            ids.Add(item.GetString()!);
                        }
                    }
                }
            }
        }
        if (main.Count == 0 && ids.Count == 0)
        {
            main.AddRange(Numbers(expected));
        }

        // A top list cut inside a tie may end with any of the tied members: only the ones above the cut are owed.
        if (ids.Count > 0 && (TiedAtCut(expected).ToList() is var tied) && (tied.Count > 0 || SaysTie(expected)))
        {
            ids = [.. ids.Take(ids.Count - 1).Where(id => !tied.Contains(id))];
        }

        var found = FiguresIn(answer);
        var right = main.All(m => found.Contains(Math.Round(m, 1)) || (m != Math.Floor(m) && found.Any(n => Math.Abs(n - m) <= 0.11)))
            && ids.All(id => answer.Contains(id, StringComparison.Ordinal));
        return right ? BlindGrade.Right : BlindGrade.Wrong;
    }

    private static IEnumerable<string> TiedAtCut(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => p.Name.Contains("tie", StringComparison.Ordinal) || p.Name.StartsWith("next_member", StringComparison.Ordinal)
            ? MemberIds(p.Value) : TiedAtCut(p.Value)),
        _ => [],
    };

    private static IEnumerable<string> MemberIds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(MemberIds),
        JsonValueKind.Object when value.TryGetProperty("member_id", out var id) => [id.GetString()!],
        _ => [],
    };

    private static bool SaysTie(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Any(p => (p.Name.Contains("tie", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.True) || SaysTie(p.Value)),
        _ => false,
    };

    /// <summary>Every figure the text states, as written in any of the product's languages (1,234 / 1 234 / 1.234 / 12,5).</summary>
    private static HashSet<double> FiguresIn(string text)
    {
        // Dates are not figures (a day must not pass for the count asked), "a, b" is a list, and a change keeps its sign.
        text = WrittenDay.Replace(IsoDate().Replace(text, " "), " ").Replace(", ", " ; ", StringComparison.Ordinal);
        var found = new HashSet<double>();
        foreach (Match match in Figure().Matches(text))
        {
            var figure = match.Value.Replace('\u202f', ' ').Replace('\u00a0', ' ').Replace('\u2212', '-');
            foreach (var part in GroupGap().Split(figure))
            {
                var compact = part.Replace(" ", "", StringComparison.Ordinal);
                foreach (var candidate in new[] { compact.Replace(",", "", StringComparison.Ordinal), compact.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') })
                {
                    if (double.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        found.Add(Math.Round(value, 1));
                        found.Add(Math.Abs(Math.Round(value, 1)));
                    }
                }
            }
        }
        return found;
    }

    // "1 October 2022", « 1er octobre 2022 », "1º ottobre 2022", "1 de octubre de 2022", "1. Oktober 2022": the answers' days.
    private static readonly Regex WrittenDay = new(
        @"\b\d{1,2}(?:er|º|\.)? (?:de )?(?:" + string.Join('|', new[] { "en-GB", "fr-FR", "it-IT", "es-ES", "de-DE" }
            .SelectMany(c => System.Globalization.CultureInfo.GetCultureInfo(c).DateTimeFormat.MonthGenitiveNames.Concat(System.Globalization.CultureInfo.GetCultureInfo(c).DateTimeFormat.MonthNames))
            .Where(m => m.Length > 0).Distinct().Select(Regex.Escape)) + @")(?: de)? \d{4}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<double> Numbers(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => [value.GetDouble()],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Object => value.EnumerateObject().Where(p => !p.Name.StartsWith("alternative", StringComparison.Ordinal)).SelectMany(p => Numbers(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"\d{4}-\d{2}(?:-\d{2})?")]
    private static partial Regex IsoDate();

    [GeneratedRegex("[-\u2212]?\\d[\\d,.\u202f\u00a0 ]*\\d|[-\u2212]?\\d")]
    private static partial Regex Figure();

    [GeneratedRegex(@"(?<=\d) (?=\d{1,2}\b)")]
    private static partial Regex GroupGap();

}
