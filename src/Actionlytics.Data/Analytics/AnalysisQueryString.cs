using System.Globalization;
using Actionlytics.Core.Analytics;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// An <see cref="AnalysisRequest"/> as a query string, both ways: the chart and table links tools hand out are written
/// here, and the HTTP API reads its query with the same names, so every parameter that produced a number survives the link.
/// </summary>
public static class AnalysisQueryString
{
    public const string From = "from";
    public const string To = "to";
    public const string Granularity = "granularity";
    public const string PreviousFrom = "previousFrom";
    public const string PreviousTo = "previousTo";
    public const string Action = "action";
    public const string Segment = "segment";
    public const string Profile = "profile";
    public const string AsOf = "asOf";
    public const string Window = "window";
    public const string InactiveAfter = "inactiveAfter";
    public const string Weights = "weights";

    /// <summary><c>?from=...&amp;to=...</c> with every parameter the request sets, in a fixed order; empty when none is set.</summary>
    public static string Format(AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new (string Name, string? Value)[]
        {
            (From, Day(request.From)),
            (To, Day(request.To)),
            (Granularity, request.Granularity == Core.Analytics.Granularity.Week ? null : request.Granularity.ToString().ToLowerInvariant()),
            (PreviousFrom, Day(request.PreviousFrom)),
            (PreviousTo, Day(request.PreviousTo)),
            (Action, request.Action),
            (Segment, request.Segment),
            (Profile, request.Profile),
            (AsOf, Day(request.AsOf)),
            (Window, request.WindowDays?.ToString(CultureInfo.InvariantCulture)),
            (InactiveAfter, request.InactiveAfterDays?.ToString(CultureInfo.InvariantCulture)),
            (Weights, request.Weights is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.Recency},{w.Constancy},{w.Frequency}") : null),
        };
        var set = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    /// <summary>Reads the request from query values as people type them; a value that cannot be used is refused with what to type.</summary>
    public static AnalysisRequest Parse(string community, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AnalysisRequest(community)
        {
            From = AnalyticsArguments.ParseDay(value(From), From),
            To = AnalyticsArguments.ParseDay(value(To), To),
            Granularity = Periods.Parse(value(Granularity)),
            PreviousFrom = AnalyticsArguments.ParseDay(value(PreviousFrom), PreviousFrom),
            PreviousTo = AnalyticsArguments.ParseDay(value(PreviousTo), PreviousTo),
            Action = Blank(value(Action)),
            Segment = Blank(value(Segment)),
            Profile = Blank(value(Profile)),
            AsOf = AnalyticsArguments.ParseDay(value(AsOf), AsOf),
            WindowDays = Number(value(Window), Window),
            InactiveAfterDays = Number(value(InactiveAfter), InactiveAfter),
            Weights = AnalyticsArguments.ParseWeights(value(Weights)),
        };
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int? Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new AnalyticsArgumentException($"{name} '{text}' is not a whole number of days.");
}
