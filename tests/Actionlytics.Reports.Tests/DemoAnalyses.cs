using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Demo;

namespace Actionlytics.Reports.Tests;

/// <summary>The analyses of a small generated community, built once for the chart and table tests.</summary>
public static class DemoAnalyses
{
    public static readonly DateOnly End = new(2026, 6, 28);

    public static ActivityIndex Index { get; } = Build();

    public static ActivityTrend Trend { get; } = ActivityEvolution.Trend(Index, new DateOnly(2026, 1, 5), End, Granularity.Week);

    public static ScoringResult Scores { get; } = new InactivityScorer().Score(Index, new ScoreParameters(End, 180, 30, ScoreWeights.Default));

    public static IReadOnlyList<RetentionCohort> Retention { get; } = ActivityEvolution.Retention(Index, new DateOnly(2025, 7, 1), End);

    private static ActivityIndex Build()
    {
        var spec = new DemoCommunitySpec(400, 12, 3, End);
        var generator = new DemoCommunityGenerator(spec);
        var calendar = new CommunityCalendar(spec.TimeZone);
        var index = new ActivityIndex(spec.TimeZone);
        var ids = new Dictionary<string, long>();
        foreach (var member in generator.Members())
        {
            ids[member.MemberId] = ids.Count + 1;
            index.AddMember(ids[member.MemberId], member.MemberId, calendar.DayOf(member.JoinedAt!.Value));
        }
        foreach (var e in generator.Events())
        {
            var counts = new ActionCounts();
            counts.Add(e.Action);
            index.AddDay(ids[e.MemberId], calendar.DayOf(e.OccurredAt), counts);
        }
        return index;
    }
}
