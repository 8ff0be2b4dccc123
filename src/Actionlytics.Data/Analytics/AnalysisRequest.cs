using Actionlytics.Core.Analytics;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// What a chart or table is asked for: a window for the trend-like analyses, score parameters and filters for the
/// score-like ones. Unset values take the defaults. The same request travels as tool arguments, as the query string of
/// the chart and table links (<see cref="AnalysisQueryString"/>) and as CLI options, so a link reproduces the numbers it came with.
/// </summary>
public sealed record AnalysisRequest(string Community)
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Granularity Granularity { get; init; } = Granularity.Week;

    /// <summary>The window the comparison table compares with (default: the window of the same length just before).</summary>
    public DateOnly? PreviousFrom { get; init; }

    public DateOnly? PreviousTo { get; init; }

    /// <summary>Only this action's activity (trend-like analyses); every action when unset.</summary>
    public string? Action { get; init; }

    /// <summary>Only inactive members of this segment (score-like analyses).</summary>
    public string? Segment { get; init; }

    /// <summary>Only inactive members of this profile (score-like analyses).</summary>
    public string? Profile { get; init; }

    public DateOnly? AsOf { get; init; }

    public int? WindowDays { get; init; }

    public int? InactiveAfterDays { get; init; }

    public ScoreWeights? Weights { get; init; }
}
