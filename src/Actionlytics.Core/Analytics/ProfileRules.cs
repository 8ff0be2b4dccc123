namespace Actionlytics.Core.Analytics;

/// <summary>
/// The behavioural profiles campaigns pick messages by, from each member's mix of actions over their active days
/// up to the as-of day. Configurable (section <c>Analytics:Profiles</c>); these defaults apply when none is configured.
/// </summary>
public sealed class ProfileRules
{
    /// <summary>The profile of members no rule matches: a bit of everything.</summary>
    public const string Generalist = "generalist";

    // The rules as arrays: classification runs over every active day of every member it is asked about.
    private readonly ActionSet[] _actions;
    private readonly bool[] _exclusive;
    private readonly double[] _minShare;

    public ProfileRules(IReadOnlyList<ProfileRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _actions = new ActionSet[rules.Count];
        _exclusive = rules.Select(r => r.OnlyTheseActions).ToArray();
        _minShare = rules.Select(r => r.MinShareOfActiveDays).ToArray();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            _actions[i] = ActionSets.Parse(rule.Actions) is { } set && set != ActionSet.None
                ? set
                : throw new AnalyticsArgumentException($"Profile '{rule.Name}' must name known actions (login, download, quiz_answer, badge_earned, video_view, contribution, other).");
            if (rule.MinShareOfActiveDays is < 0 or > 1 || double.IsNaN(rule.MinShareOfActiveDays))
            {
                throw new AnalyticsArgumentException($"Profile '{rule.Name}': the share of active days must be between 0 and 1.");
            }
        }
        Rules = rules;
    }

    public IReadOnlyList<ProfileRule> Rules { get; }

    public IEnumerable<string> Names => Rules.Select(r => r.Name).Append(Generalist);

    public static ProfileRules Default { get; } = new(
    [
        new ProfileRule
        {
            Name = "contributor",
            Description = "Posts, answers and shares on a quarter of their active days or more: wants to be heard and recognised.",
            Actions = ["contribution"],
            MinShareOfActiveDays = 0.25,
        },
        new ProfileRule
        {
            Name = "learner",
            Description = "Answers quizzes or watches videos on most active days: wants to progress.",
            Actions = ["quiz_answer", "video_view"],
            MinShareOfActiveDays = 0.4,
        },
        new ProfileRule
        {
            Name = "collector",
            Description = "Downloads resources on most active days: comes for useful material.",
            Actions = ["download"],
            MinShareOfActiveDays = 0.4,
        },
        new ProfileRule
        {
            Name = "lurker",
            Description = "Only logs in and looks around on most active days.",
            Actions = ["login"],
            OnlyTheseActions = true,
            MinShareOfActiveDays = 0.6,
        },
    ]);

    /// <summary>The index of the profile of a member from their days' action sets (<see cref="Rules"/>.Count for generalist).</summary>
    public int Classify(ReadOnlySpan<int> entries)
    {
        if (entries.IsEmpty)
        {
            return Rules.Count;
        }
        Span<int> matching = stackalloc int[_actions.Length];
        foreach (var entry in entries)
        {
            var day = ActivityIndex.Entry.Actions(entry);
            for (var i = 0; i < _actions.Length; i++)
            {
                var counts = _exclusive[i]
                    ? (day & _actions[i]) != 0 && (day & ~_actions[i]) == 0
                    : (day & _actions[i]) != 0;
                if (counts)
                {
                    matching[i]++;
                }
            }
        }
        for (var i = 0; i < _actions.Length; i++)
        {
            if (matching[i] >= _minShare[i] * entries.Length && matching[i] > 0)
            {
                return i;
            }
        }
        return Rules.Count;
    }

    public string NameAt(int index) => index < Rules.Count ? Rules[index].Name : Generalist;
}
