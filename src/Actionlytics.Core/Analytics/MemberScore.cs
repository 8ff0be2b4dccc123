namespace Actionlytics.Core.Analytics;

/// <summary>One inactive member's score and the raw values behind it.</summary>
/// <param name="MemberId">The platform's member id.</param>
/// <param name="LastActiveDate">The last day with an event on or before the as-of day.</param>
/// <param name="RecencyDays">As-of day minus <paramref name="LastActiveDate"/>.</param>
/// <param name="ActiveDays">Distinct days with an event in the window.</param>
/// <param name="ConstancyDays">Last minus first active day in the window, plus one; 0 when none.</param>
/// <param name="Score">0 to 100: higher means more likely worth reactivating (recent, constant, frequent).</param>
/// <param name="Segment">The first segment rule the member matches.</param>
/// <param name="Profile">The behavioural profile from the member's mix of actions.</param>
/// <param name="LifetimeActiveDays">Active days on or before the as-of day, since the beginning.</param>
/// <param name="Explanation">Each component's value and share of the score.</param>
public sealed record MemberScore(
    string MemberId,
    DateOnly LastActiveDate,
    int RecencyDays,
    int ActiveDays,
    int ConstancyDays,
    double Score,
    string Segment,
    string Profile,
    int LifetimeActiveDays,
    ScoreExplanation Explanation)
{
    /// <summary>The store's id of the member.</summary>
    public long StoreMemberId { get; init; }
}

/// <summary>Why a member has their score: each component normalised to 0..1, its weight, its points and its share.</summary>
public sealed record ScoreExplanation(ScoreComponent Recency, ScoreComponent Constancy, ScoreComponent Frequency, string Summary);

/// <param name="Name">recency, constancy or frequency.</param>
/// <param name="Value">The component normalised to 0..1 (1 is best).</param>
/// <param name="Weight">Its weight, normalised so the three sum to 1.</param>
/// <param name="Points">What it adds to the 0-100 score.</param>
/// <param name="Share">Its share of the score (0..1; 0 when the score is 0).</param>
public sealed record ScoreComponent(string Name, double Value, double Weight, double Points, double Share);

/// <summary>A whole scoring: the parameters, how many members were active, inactive or never active, and the inactive members by score.</summary>
public sealed record ScoringResult(
    ScoreParameters Parameters,
    int ActiveMembers,
    int InactiveMembers,
    int NeverActiveMembers,
    IReadOnlyList<MemberScore> Inactive)
{
    /// <summary>Members per segment, in the order segments are defined.</summary>
    public IReadOnlyList<(string Segment, int Members)> SegmentSizes(SegmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var counts = Inactive.GroupBy(m => m.Segment).ToDictionary(g => g.Key, g => g.Count());
        return rules.Names.Select(name => (name, counts.GetValueOrDefault(name))).ToList();
    }
}
