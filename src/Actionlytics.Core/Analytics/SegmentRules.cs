namespace Actionlytics.Core.Analytics;

/// <summary>
/// The segments inactive members fall into: the one documented place where they are defined.
/// Configurable (section <c>Analytics:Segments</c>); these defaults apply when none is configured.
/// </summary>
public sealed class SegmentRules
{
    /// <summary>The segment of members no rule matches.</summary>
    public const string Unclassified = "other_inactive";

    public SegmentRules(IReadOnlyList<SegmentRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count is 0 or > 250)
        {
            throw new AnalyticsArgumentException("Define between 1 and 250 segments.");
        }
        foreach (var rule in rules)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(rule.Name, "^[a-z][a-z0-9_]{0,63}$"))
            {
                throw new AnalyticsArgumentException($"Segment name '{rule.Name}' must be lowercase letters, digits and '_'.");
            }
        }
        if (rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != rules.Count)
        {
            throw new AnalyticsArgumentException("Two segments have the same name.");
        }
        Rules = rules;
        _bounds = rules.Select(r => new Bounds(
            r.MinDaysPastThreshold ?? int.MinValue, r.MaxDaysPastThreshold ?? int.MaxValue,
            r.MinActiveDays ?? int.MinValue, r.MaxActiveDays ?? int.MaxValue, r.MaxLifetimeActiveDays ?? int.MaxValue)).ToArray();
    }

    // The rules' bounds as plain values: classification runs once per inactive member.
    private readonly Bounds[] _bounds;

    private readonly record struct Bounds(int MinPast, int MaxPast, int MinActive, int MaxActive, int MaxLifetime);

    public IReadOnlyList<SegmentRule> Rules { get; }

    /// <summary>Segment names in order, the unclassified one last.</summary>
    public IEnumerable<string> Names => Rules.Select(r => r.Name).Append(Unclassified);

    public static SegmentRules Default { get; } = new(
    [
        new SegmentRule
        {
            Name = "one_timers",
            Description = "Came once or twice and never settled in: onboarding did not stick.",
            MaxLifetimeActiveDays = 2,
        },
        new SegmentRule
        {
            Name = "recently_lapsed_regulars",
            Description = "Were regular in the window (10 active days or more) and stopped less than a month past the threshold: the easiest to bring back.",
            MaxDaysPastThreshold = 30,
            MinActiveDays = 10,
        },
        new SegmentRule
        {
            Name = "recently_lapsed",
            Description = "Occasional members who stopped less than a month past the threshold.",
            MaxDaysPastThreshold = 30,
        },
        new SegmentRule
        {
            Name = "fading",
            Description = "Left one to three months past the threshold: the habit is going.",
            MaxDaysPastThreshold = 90,
        },
        new SegmentRule
        {
            Name = "long_gone",
            Description = "Inactive for more than three months past the threshold.",
        },
    ]);

    /// <summary>The index of the segment of a member (the unclassified one is <see cref="Rules"/>.Count).</summary>
    public int Classify(int daysPastThreshold, int activeDays, int lifetimeActiveDays)
    {
        for (var i = 0; i < _bounds.Length; i++)
        {
            var b = _bounds[i];
            if (daysPastThreshold >= b.MinPast && daysPastThreshold <= b.MaxPast && activeDays >= b.MinActive && activeDays <= b.MaxActive
                && lifetimeActiveDays <= b.MaxLifetime)
            {
                return i;
            }
        }
        return _bounds.Length;
    }

    public string NameAt(int index) => index < Rules.Count ? Rules[index].Name : Unclassified;
}
