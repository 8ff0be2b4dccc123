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

    /// <summary>Today in the community's time zone.</summary>
    public DateOnly Today(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return new CommunityCalendar(community.TimeZone).DayOf(time.GetUtcNow());
    }
}
