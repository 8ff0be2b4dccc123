namespace Actionlytics.Core.Analytics;

/// <summary>
/// Settings of the analytics, bound from the <c>Analytics</c> configuration section. Lists left empty use the
/// documented defaults (<see cref="SegmentRules.Default"/>, <see cref="ProfileRules.Default"/>).
/// </summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Window of days the score looks at when a request does not say.</summary>
    public int DefaultWindowDays { get; set; } = ScoreParameters.DefaultWindowDays;

    /// <summary>Score weights for every community without its own.</summary>
    public WeightOptions Weights { get; set; } = new();

    /// <summary>Score weights per community slug.</summary>
    public Dictionary<string, WeightOptions> CommunityWeights { get; set; } = [];

    public List<SegmentRule> Segments { get; set; } = [];

    public List<ProfileRule> Profiles { get; set; } = [];

    public ScoreWeights WeightsFor(string communitySlug) =>
        (CommunityWeights.TryGetValue(communitySlug, out var own) ? own : Weights).ToWeights();

    public SegmentRules SegmentRules() => Segments.Count > 0 ? new SegmentRules(Segments) : Analytics.SegmentRules.Default;

    public ProfileRules ProfileRules() => Profiles.Count > 0 ? new ProfileRules(Profiles) : Analytics.ProfileRules.Default;

    /// <summary>Score weights as configuration binds them.</summary>
    public sealed class WeightOptions
    {
        public double Recency { get; set; } = ScoreWeights.Default.Recency;

        public double Constancy { get; set; } = ScoreWeights.Default.Constancy;

        public double Frequency { get; set; } = ScoreWeights.Default.Frequency;

        public ScoreWeights ToWeights() => new(Recency, Constancy, Frequency);
    }
}
