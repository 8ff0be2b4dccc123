using Actionlytics.Core.Activity;

namespace Actionlytics.Core.Analytics;

/// <summary>A set of actions: those a member did on one day, or those a rule looks at.</summary>
[Flags]
public enum ActionSet : byte
{
    None = 0,
    Login = 1,
    Download = 2,
    QuizAnswer = 4,
    BadgeEarned = 8,
    VideoView = 16,
    Contribution = 32,
    Other = 64,
}

/// <summary>Conversions between action names, counts and flags.</summary>
public static class ActionSets
{
    public static ActionSet ToFlags(this ActionCounts counts)
    {
        var flags = ActionSet.None;
        if (counts.Logins > 0)
        {
            flags |= ActionSet.Login;
        }
        if (counts.Downloads > 0)
        {
            flags |= ActionSet.Download;
        }
        if (counts.QuizAnswers > 0)
        {
            flags |= ActionSet.QuizAnswer;
        }
        if (counts.BadgesEarned > 0)
        {
            flags |= ActionSet.BadgeEarned;
        }
        if (counts.VideoViews > 0)
        {
            flags |= ActionSet.VideoView;
        }
        if (counts.Contributions > 0)
        {
            flags |= ActionSet.Contribution;
        }
        if (counts.OtherActions > 0)
        {
            flags |= ActionSet.Other;
        }
        return flags;
    }

    /// <summary>The flag of an action name: one of the six known actions, or <see cref="ActionSet.Other"/>.</summary>
    public static ActionSet FlagOf(string action) => action switch
    {
        ActionNames.Login => ActionSet.Login,
        ActionNames.Download => ActionSet.Download,
        ActionNames.QuizAnswer => ActionSet.QuizAnswer,
        ActionNames.BadgeEarned => ActionSet.BadgeEarned,
        ActionNames.VideoView => ActionSet.VideoView,
        ActionNames.Contribution => ActionSet.Contribution,
        _ => ActionSet.Other,
    };

    /// <summary>Parses action names (known ones, or <c>other</c>) into flags; null when a name is unknown.</summary>
    public static ActionSet? Parse(IEnumerable<string> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var flags = ActionSet.None;
        foreach (var action in actions)
        {
            if (action == "other")
            {
                flags |= ActionSet.Other;
            }
            else if (ActionNames.Known.Contains(action))
            {
                flags |= FlagOf(action);
            }
            else
            {
                return null;
            }
        }
        return flags;
    }
}
