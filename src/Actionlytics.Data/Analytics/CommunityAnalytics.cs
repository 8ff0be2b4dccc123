using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data.Analytics;

/// <summary>The analytics of one community, on its current in-memory index, with the community's defaults filled in.</summary>
public sealed class CommunityAnalytics(CommunityDirectory communities, ActivityIndexCache indexes, InactivityScorer scorer, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    /// <summary>Scores the inactive members. Unset parameters default to today (community time), the configured window, the community's threshold and weights.</summary>
    public async Task<ScoringResult> ScoreAsync(
        string communitySlug, DateOnly? asOf, int? windowDays, int? inactiveAfterDays, ScoreWeights? weights, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var parameters = new ScoreParameters(
            asOf ?? Today(community),
            windowDays ?? options.Value.DefaultWindowDays,
            inactiveAfterDays ?? community.InactivityThresholdDays,
            weights ?? options.Value.WeightsFor(community.Slug));
        parameters.Validate(); // before any work: a bad request never builds an index
        return await indexes.ReadAsync(community, index => scorer.Score(index, parameters), cancellationToken);
    }

    /// <summary>The trend over [from, to] (default: the last three months up to today), with lifecycle and comparison; optionally of one action only.</summary>
    public async Task<(ActivityTrend Trend, Community Community)> TrendAsync(
        string communitySlug, DateOnly? from, DateOnly? to, Granularity granularity, string? action, CancellationToken cancellationToken)
    {
        var actions = ActionFlags(action);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 3);
        _ = Periods.Between(start, end, granularity); // validates before any work
        var trend = await indexes.ReadAsync(community, index => ActivityEvolution.Trend(index, start, end, granularity, actions), cancellationToken);
        return (trend, community);
    }

    /// <summary>
    /// [from, to] against [previousFrom, previousTo] (default: the window of the same length just before); the window
    /// defaults to the last month up to today.
    /// </summary>
    public async Task<WindowComparison> CompareAsync(
        string communitySlug, DateOnly? from, DateOnly? to, DateOnly? previousFrom, DateOnly? previousTo, string? action, CancellationToken cancellationToken)
    {
        var actions = ActionFlags(action);
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 1);
        var length = end.DayNumber - start.DayNumber + 1;
        var before = (From: previousFrom ?? start.AddDays(-length), To: previousTo ?? (previousFrom?.AddDays(length - 1) ?? start.AddDays(-1)));
        if (end < start || before.To < before.From || end.DayNumber - start.DayNumber > 3660 || before.To.DayNumber - before.From.DayNumber > 3660)
        {
            throw new AnalyticsArgumentException("Each window must end on or after its first day and span at most ten years.");
        }
        return await indexes.ReadAsync(community, index => ActivityEvolution.Compare(index, start, end, before.From, before.To, actions), cancellationToken);
    }

    /// <summary>The flag of an action name (a custom action counts as "other"); none for every action.</summary>
    public static ActionSet ActionFlags(string? action)
    {
        if (string.IsNullOrWhiteSpace(action))
        {
            return ActionSet.None;
        }
        return Core.Activity.ActionNames.IsValid(action)
            ? ActionSets.FlagOf(action)
            : throw new AnalyticsArgumentException($"'{action}' is not an action name: use login, download, quiz_answer, badge_earned, video_view, contribution or a custom action.");
    }

    /// <summary>The members behind one number of a trend (see <see cref="ActivityEvolution.MembersBehind"/>).</summary>
    public async Task<IReadOnlyList<string>> TrendMembersAsync(
        string communitySlug, DateOnly? from, DateOnly? to, Granularity granularity, DateOnly day, TrendMetric metric, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 3);
        return await indexes.ReadAsync(community, index => ActivityEvolution.MembersBehind(index, start, end, granularity, day, metric), cancellationToken);
    }

    /// <summary>Members by number of active days over [from, to] (default: the last month).</summary>
    public async Task<(IReadOnlyList<int> Histogram, DateOnly From, DateOnly To)> StickinessAsync(
        string communitySlug, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 1);
        return (await indexes.ReadAsync(community, index => ActivityEvolution.Stickiness(index, start, end), cancellationToken), start, end);
    }

    /// <summary>The members active on exactly <paramref name="activeDays"/> days in [from, to] (default: the last month).</summary>
    public async Task<IReadOnlyList<string>> StickinessMembersAsync(
        string communitySlug, DateOnly? from, DateOnly? to, int activeDays, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 1);
        return await indexes.ReadAsync(community, index => ActivityEvolution.StickinessMembers(index, start, end, activeDays), cancellationToken);
    }

    /// <summary>The members of a monthly cohort active <paramref name="monthsLater"/> months after their first.</summary>
    public async Task<IReadOnlyList<string>> RetentionMembersAsync(
        string communitySlug, DateOnly cohortMonth, int monthsLater, CancellationToken cancellationToken)
    {
        if (monthsLater is < 0 or > 120)
        {
            throw new AnalyticsArgumentException("monthsLater must be between 0 and 120.");
        }
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        return await indexes.ReadAsync(community, index => ActivityEvolution.RetentionMembers(index, cohortMonth, monthsLater), cancellationToken);
    }

    /// <summary>Monthly retention cohorts over [from, to] (default: the last twelve months).</summary>
    public async Task<(IReadOnlyList<RetentionCohort> Cohorts, DateOnly From, DateOnly To, Community Community)> RetentionAsync(
        string communitySlug, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var (start, end) = Window(community, from, to, months: 12);
        _ = Periods.Between(start, end, Granularity.Month);
        return (await indexes.ReadAsync(community, index => ActivityEvolution.Retention(index, start, end), cancellationToken), start, end, community);
    }

    /// <summary>The window asked for, or the last <paramref name="months"/> months up to today in the community's time zone.</summary>
    private (DateOnly From, DateOnly To) Window(Community community, DateOnly? from, DateOnly? to, int months)
    {
        var end = to ?? Today(community);
        // By default whole periods: a window starting mid-week would open on a short week that looks like a drop.
        var start = from ?? Periods.Containing(end.AddMonths(-months).AddDays(1), months >= 12 ? Granularity.Month : Granularity.Week).Start;
        return (start, end);
    }

    /// <summary>Today in the community's time zone.</summary>
    public DateOnly Today(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return new CommunityCalendar(community.TimeZone).DayOf(time.GetUtcNow());
    }
}
