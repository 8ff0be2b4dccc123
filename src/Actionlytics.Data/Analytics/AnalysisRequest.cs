using Actionlytics.Core.Analytics;

namespace Actionlytics.Data.Analytics;

/// <summary>What a chart or table is asked for: a window for the trend-like analyses, score parameters for the score-like ones. Unset values take the defaults.</summary>
public sealed record AnalysisRequest(string Community)
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Granularity Granularity { get; init; } = Granularity.Week;

    /// <summary>Only this action's activity (trend-like analyses); every action when unset.</summary>
    public string? Action { get; init; }

    public DateOnly? AsOf { get; init; }

    public int? WindowDays { get; init; }

    public int? InactiveAfterDays { get; init; }

    public ScoreWeights? Weights { get; init; }
}
