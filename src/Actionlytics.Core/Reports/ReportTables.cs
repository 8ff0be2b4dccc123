using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Reports;

/// <summary>The analyses as <see cref="ReportTable"/>s, with their column names in one place.</summary>
public static class ReportTables
{
    /// <summary>
    /// Inactive members by score. The first seven columns are a contract, in this order:
    /// <c>member_id,last_active_date,recency_days,active_days,constancy_days,score,segment</c>.
    /// </summary>
    public static ReportTable Scores(IEnumerable<MemberScore> scores) => new(
        "scores",
        [
            "member_id", "last_active_date", "recency_days", "active_days", "constancy_days", "score", "segment",
            "profile", "lifetime_active_days", "recency_share", "constancy_share", "frequency_share", "explanation",
        ],
        scores.Select(m => new object?[]
        {
            m.MemberId, m.LastActiveDate, m.RecencyDays, m.ActiveDays, m.ConstancyDays, Math.Round(m.Score, 1), m.Segment,
            m.Profile, m.LifetimeActiveDays, Math.Round(m.Explanation.Recency.Share, 3), Math.Round(m.Explanation.Constancy.Share, 3),
            Math.Round(m.Explanation.Frequency.Share, 3), m.Explanation.Summary,
        }));

    public static ReportTable Trend(ActivityTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return new ReportTable(
            "trend",
            [
                "period", "start", "end", "partial", "active_members", "members", "activity_rate", "new", "returning", "resurrecting",
                "dormant", "gained", "lost", "events", .. DailyTotals.ActionSlots,
            ],
            trend.Points.Select(p => new object?[]
            {
                p.Period.Label, p.Period.Start, p.Period.End, p.Period.Partial, p.ActiveMembers, p.Members, Math.Round(p.ActivityRate, 4),
                p.New, p.Returning, p.Resurrecting, p.Dormant, p.Gained, p.Lost,
            }.Concat(p.EventsByAction.Select(e => (object?)e)).ToArray()));
    }

    public static ReportTable Comparison(WindowComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (now, before) = (comparison.Current, comparison.Previous);
        return new ReportTable(
            "comparison",
            ["metric", "current", "previous", "change"],
            [
                ["window", $"{now.From:yyyy-MM-dd}..{now.To:yyyy-MM-dd}", $"{before.From:yyyy-MM-dd}..{before.To:yyyy-MM-dd}", null],
                ["active_members", now.ActiveMembers, before.ActiveMembers, now.ActiveMembers - before.ActiveMembers],
                ["members", now.Members, before.Members, now.Members - before.Members],
                ["activity_rate", Math.Round(now.ActivityRate, 4), Math.Round(before.ActivityRate, 4), Math.Round(now.ActivityRate - before.ActivityRate, 4)],
                ["events", now.Events, before.Events, now.Events - before.Events],
                ["new_members", now.NewMembers, before.NewMembers, now.NewMembers - before.NewMembers],
                ["gained", comparison.Gained, null, null],
                ["lost", comparison.Lost, null, null],
            ]);
    }

    public static ReportTable Segments(ScoringResult scoring, SegmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(rules);
        var descriptions = rules.Rules.ToDictionary(r => r.Name, r => r.Description);
        return new ReportTable(
            "segments",
            ["segment", "members", "share", "description"],
            scoring.SegmentSizes(rules).Select(s => new object?[]
            {
                s.Segment, s.Members, scoring.InactiveMembers == 0 ? 0 : Math.Round((double)s.Members / scoring.InactiveMembers, 4),
                descriptions.GetValueOrDefault(s.Segment, "Inactive members no segment rule matches."),
            }));
    }

    public static ReportTable Stickiness(IReadOnlyList<int> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new ReportTable("stickiness", ["active_days", "members"],
            histogram.Select((members, i) => new object?[] { i + 1, members }).Where(row => (int)row[1]! > 0));
    }

    public static ReportTable Retention(IReadOnlyList<RetentionCohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        var width = cohorts.Count == 0 ? 0 : cohorts.Max(c => c.Retained.Count);
        return new ReportTable(
            "retention",
            ["cohort", "size", .. Enumerable.Range(0, width).Select(m => $"month_{m}")],
            cohorts.Select(c => new object?[] { c.Month, c.Size }
                .Concat(Enumerable.Range(0, width).Select(m => m < c.Retained.Count ? (object?)Math.Round(c.Retained[m], 4) : null))
                .ToArray()));
    }
}
