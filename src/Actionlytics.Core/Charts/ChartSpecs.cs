using System.Globalization;
using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Charts;

/// <summary>Turns analyses into <see cref="ChartSpec"/>s: titles, axis labels, legends and the date range are decided here, once.</summary>
public static class ChartSpecs
{
    private static readonly string[] ActionLabels = ["Logins", "Downloads", "Quiz answers", "Badges earned", "Video views", "Contributions", "Other actions"];

    public static ChartSpec Trend(ActivityTrend trend, string community)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return new ChartSpec(
            ChartKind.Trend,
            $"Active members per {Unit(trend.Granularity)} - {community}",
            Range(trend.From, trend.To),
            Unit(trend.Granularity, capital: true),
            "Members",
            Labels(trend),
            [
                new ChartSeries("Active", trend.Points.Select(p => (double)p.ActiveMembers).ToList(), SeriesStyle.Line),
                new ChartSeries("New", trend.Points.Select(p => (double)p.New).ToList(), SeriesStyle.Line),
                new ChartSeries("Dormant (lost)", trend.Points.Select(p => (double)p.Dormant).ToList(), SeriesStyle.Line),
            ]);
    }

    public static ChartSpec Lifecycle(ActivityTrend trend, string community)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return new ChartSpec(
            ChartKind.Lifecycle,
            $"Member lifecycle per {Unit(trend.Granularity)} - {community}",
            Range(trend.From, trend.To),
            Unit(trend.Granularity, capital: true),
            "Members (dormant below zero)",
            Labels(trend),
            [
                new ChartSeries("New", trend.Points.Select(p => (double)p.New).ToList(), SeriesStyle.StackedBar),
                new ChartSeries("Returning", trend.Points.Select(p => (double)p.Returning).ToList(), SeriesStyle.StackedBar),
                new ChartSeries("Resurrecting", trend.Points.Select(p => (double)p.Resurrecting).ToList(), SeriesStyle.StackedBar),
                new ChartSeries("Dormant", trend.Points.Select(p => -(double)p.Dormant).ToList(), SeriesStyle.StackedBar),
            ]);
    }

    public static ChartSpec ActionMix(ActivityTrend trend, string community)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var series = new List<ChartSeries>();
        for (var action = 0; action < ActionLabels.Length; action++)
        {
            var values = trend.Points.Select(p => (double)p.EventsByAction[action + 1]).ToList();
            if (values.Any(v => v > 0))
            {
                series.Add(new ChartSeries(ActionLabels[action], values, SeriesStyle.StackedBar));
            }
        }
        return new ChartSpec(
            ChartKind.ActionMix, $"Events by action per {Unit(trend.Granularity)} - {community}", Range(trend.From, trend.To),
            Unit(trend.Granularity, capital: true), "Events", Labels(trend), series);
    }

    public static ChartSpec ScoreDistribution(ScoringResult scoring, string community)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        var bands = new double[10];
        foreach (var member in scoring.Inactive)
        {
            bands[Math.Min(9, (int)(member.Score / 10))]++;
        }
        var p = scoring.Parameters;
        return new ChartSpec(
            ChartKind.ScoreDistribution,
            $"Inactive members by score - {community}",
            string.Create(CultureInfo.InvariantCulture, $"As of {p.AsOf:yyyy-MM-dd}, {p.WindowDays}-day window, inactive after {p.InactiveAfterDays} days; {scoring.Inactive.Count:N0} inactive members"),
            "Score (higher: more likely to come back)",
            "Members",
            Enumerable.Range(0, 10).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b * 10}-{(b * 10) + 10}")).ToList(),
            [new ChartSeries("Inactive members", bands, SeriesStyle.StackedBar)]);
    }

    public static ChartSpec Segments(ScoringResult scoring, SegmentRules rules, string community)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        var sizes = scoring.SegmentSizes(rules).Where(s => s.Members > 0 || s.Segment != SegmentRules.Unclassified).ToList();
        var p = scoring.Parameters;
        return new ChartSpec(
            ChartKind.Segments,
            $"Inactive members by segment - {community}",
            string.Create(CultureInfo.InvariantCulture, $"As of {p.AsOf:yyyy-MM-dd}, {p.WindowDays}-day window, inactive after {p.InactiveAfterDays} days"),
            "Segment",
            "Members",
            sizes.Select(s => Humanize(s.Segment)).ToList(),
            [new ChartSeries("Members", sizes.Select(s => (double)s.Members).ToList(), SeriesStyle.StackedBar)]);
    }

    public static ChartSpec Retention(IReadOnlyList<RetentionCohort> cohorts, DateOnly from, DateOnly to, string community)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        var width = cohorts.Count == 0 ? 0 : cohorts.Max(c => c.Retained.Count);
        return new ChartSpec(
            ChartKind.Retention,
            $"Retention by cohort of first activity - {community}",
            Range(from, to),
            "Months since first activity",
            "Cohort (month of first activity)",
            Enumerable.Range(0, width).Select(m => m.ToString(CultureInfo.InvariantCulture)).ToList(),
            [])
        {
            RowLabels = cohorts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Month} ({c.Size:N0})")).ToList(),
            Matrix = cohorts.Select(c => (IReadOnlyList<double?>)Enumerable.Range(0, width)
                .Select(m => m < c.Retained.Count && c.Size > 0 ? c.Retained[m] : (double?)null).ToList()).ToList(),
        };
    }

    private static List<string> Labels(ActivityTrend trend) => trend.Points.Select(p => p.Period.Label).ToList();

    private static string Range(DateOnly from, DateOnly to) => string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");

    private static string Unit(Granularity granularity, bool capital = false)
    {
        var unit = granularity switch { Granularity.Day => "day", Granularity.Week => "week", _ => "month" };
        return capital ? char.ToUpperInvariant(unit[0]) + unit[1..] : unit;
    }

    public static ChartSpec CampaignResults(Campaigns.CampaignAnalysis analysis, string campaignName, int goalDays, string? goalAction)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var holdout = analysis.Groups.FirstOrDefault(g => g.Group == Campaigns.GroupAssignment.Holdout);
        return new ChartSpec(
            ChartKind.CampaignResults,
            $"Members who came back - {campaignName}",
            string.Create(CultureInfo.InvariantCulture,
                $"{(goalAction is null ? "Any action" : Humanize(goalAction))} within {goalDays} days of the message; holdout (no message) {holdout?.Rate ?? 0:P1}"),
            "Group",
            "Return rate (%)",
            analysis.Groups.Select(g => g.Need is null ? g.Group : $"{g.Group} ({g.Need})").ToList(),
            [new ChartSeries("Return rate", analysis.Groups.Select(g => Math.Round(g.Rate * 100, 2)).ToList(), SeriesStyle.StackedBar)]);
    }

    private static string Humanize(string name) => name.Replace('_', ' ');
}
