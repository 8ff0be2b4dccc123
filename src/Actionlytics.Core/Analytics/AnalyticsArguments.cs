using System.Globalization;

namespace Actionlytics.Core.Analytics;

/// <summary>Reads the analytics' arguments as people type them (CLI options, query strings), with errors that say what to type.</summary>
public static class AnalyticsArguments
{
    public static DateOnly? ParseDay(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new AnalyticsArgumentException($"{name} '{text}' is not a date such as 2026-03-31.");
    }

    /// <summary>Reads <c>recency,constancy,frequency</c>, for example <c>0.5,0.25,0.25</c>.</summary>
    public static ScoreWeights? ParseWeights(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(',');
        var values = new double[parts.Length];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            throw new AnalyticsArgumentException($"Weights '{text}' must be three numbers, recency,constancy,frequency, such as 0.5,0.25,0.25.");
        }
        var weights = new ScoreWeights(values[0], values[1], values[2]);
        weights.Validate();
        return weights;
    }
}
