namespace Actionlytics.Core.Charts;

/// <summary>The charts the product draws.</summary>
public enum ChartKind
{
    /// <summary>Active, new and dormant members per period.</summary>
    Trend,

    /// <summary>New, returning and resurrecting members up, dormant members down, per period.</summary>
    Lifecycle,

    /// <summary>Inactive members per score band.</summary>
    ScoreDistribution,

    /// <summary>Inactive members per segment.</summary>
    Segments,

    /// <summary>Share of each monthly cohort active in each following month.</summary>
    Retention,

    /// <summary>Events per action per period.</summary>
    ActionMix,

    /// <summary>A campaign's return rate per variant group and in the holdout.</summary>
    CampaignResults,
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    Line,

    /// <summary>Bars stacked with the other stacked series of the chart (negative values go below zero).</summary>
    StackedBar,
}

/// <summary>One named series of values, one per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, SeriesStyle Style);

/// <summary>
/// A chart as data: what any channel needs to draw it (the server renders PNG and SVG from it; a web page can
/// draw it interactively from its JSON). Heatmaps use <see cref="Matrix"/> (rows by <see cref="RowLabels"/>) instead of series.
/// </summary>
public sealed record ChartSpec(
    ChartKind Kind,
    string Title,
    string Subtitle,
    string XLabel,
    string YLabel,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<string> RowLabels { get; init; } = [];

    /// <summary>Heatmap cells by row then column, null where there is no value; shares from 0 to 1.</summary>
    public IReadOnlyList<IReadOnlyList<double?>> Matrix { get; init; } = [];
}
