namespace Actionlytics.Knowledge.Playbooks;

/// <summary>The values playbooks' front matter may use (see <c>prompts/playbooks/README.md</c>).</summary>
public static class PlaybookVocabulary
{
    public static IReadOnlySet<string> Needs { get; } = new HashSet<string>(StringComparer.Ordinal) { "autonomy", "competence", "relatedness" };

    public static IReadOnlySet<string> Profiles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "contributor", "learner", "collector", "lurker", "generalist", "any",
    };

    public static IReadOnlySet<string> Segments { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "one_timers", "recently_lapsed_regulars", "recently_lapsed", "fading", "long_gone", "active", "any",
    };

    public static IReadOnlySet<string> Channels { get; } = new HashSet<string>(StringComparer.Ordinal) { "email", "teams", "in_platform" };

    /// <summary>The sections every playbook has, in this order.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        "Why it works", "When to use", "When not to use", "How to do it", "Example message (English)", "Example message (French)",
    ];
}
