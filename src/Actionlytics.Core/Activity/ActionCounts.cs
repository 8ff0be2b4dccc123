namespace Actionlytics.Core.Activity;

/// <summary>
/// Event counts by action: the six known actions and "other". Accumulated per member-day on ingest
/// (mutated in place in a dictionary, hence a mutable struct).
/// </summary>
public struct ActionCounts : IEquatable<ActionCounts>
{
    public int Events { get; private set; }
    public int Logins { get; private set; }
    public int Downloads { get; private set; }
    public int QuizAnswers { get; private set; }
    public int BadgesEarned { get; private set; }
    public int VideoViews { get; private set; }
    public int Contributions { get; private set; }
    public int OtherActions { get; private set; }

    /// <summary>Counts as stored in a member-day row.</summary>
    public static ActionCounts FromTotals(int events, int logins, int downloads, int quizAnswers, int badgesEarned, int videoViews, int contributions, int otherActions) => new()
    {
        Events = events,
        Logins = logins,
        Downloads = downloads,
        QuizAnswers = quizAnswers,
        BadgesEarned = badgesEarned,
        VideoViews = videoViews,
        Contributions = contributions,
        OtherActions = otherActions,
    };

    /// <summary>Adds another day's or member's counts to these.</summary>
    public void Add(in ActionCounts other)
    {
        Events += other.Events;
        Logins += other.Logins;
        Downloads += other.Downloads;
        QuizAnswers += other.QuizAnswers;
        BadgesEarned += other.BadgesEarned;
        VideoViews += other.VideoViews;
        Contributions += other.Contributions;
        OtherActions += other.OtherActions;
    }

    /// <summary>Counts one event of <paramref name="action"/>.</summary>
    public void Add(string action)
    {
        Events++;
        switch (action)
        {
            case ActionNames.Login: Logins++; break;
            case ActionNames.Download: Downloads++; break;
            case ActionNames.QuizAnswer: QuizAnswers++; break;
            case ActionNames.BadgeEarned: BadgesEarned++; break;
            case ActionNames.VideoView: VideoViews++; break;
            case ActionNames.Contribution: Contributions++; break;
            default: OtherActions++; break;
        }
    }

    public readonly bool Equals(ActionCounts other) =>
        Events == other.Events && Logins == other.Logins && Downloads == other.Downloads && QuizAnswers == other.QuizAnswers
        && BadgesEarned == other.BadgesEarned && VideoViews == other.VideoViews && Contributions == other.Contributions && OtherActions == other.OtherActions;

    public override readonly bool Equals(object? obj) => obj is ActionCounts other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Events, Logins, Downloads, QuizAnswers, BadgesEarned, VideoViews, Contributions, OtherActions);

    public static bool operator ==(ActionCounts left, ActionCounts right) => left.Equals(right);

    public static bool operator !=(ActionCounts left, ActionCounts right) => !left.Equals(right);
}
