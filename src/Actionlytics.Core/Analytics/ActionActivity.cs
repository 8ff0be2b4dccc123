namespace Actionlytics.Core.Analytics;

/// <summary>How often one action was done in a window, and by how many distinct members.</summary>
public sealed record ActionTally(string Action, long Events, int Members);

/// <summary>One member's activity in a window: events (of the action asked, or all) and distinct active days.</summary>
public sealed record MemberTally(string MemberId, long Events, int ActiveDays);

/// <summary>
/// The actions done in [<paramref name="From"/>, <paramref name="To"/>]: every action by name (custom ones included,
/// which the activity index keeps only as "other"), the totals of the action asked (or of all), and the members who
/// did the most.
/// </summary>
public sealed record ActionWindow(DateOnly From, DateOnly To, string? Action, long Events, int Members, IReadOnlyList<ActionTally> ByAction, IReadOnlyList<MemberTally> Top)
{
    /// <summary>When asked for: the members active on at least that many distinct days of the window.</summary>
    public int? MembersWithMinActiveDays { get; init; }
}

/// <summary>How the members are ranked in <see cref="ActionWindow.Top"/>.</summary>
public enum MemberRanking
{
    Events,
    ActiveDays,
}
