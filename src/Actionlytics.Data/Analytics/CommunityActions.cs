using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// Counts of actions by their own names, read from the stored events (the activity index keeps custom actions only as
/// "other"): how many assignments were submitted in May, who merged the most in 2020.
/// </summary>
public sealed class CommunityActions(ActionlyticsDbContext db, CommunityDirectory communities, CommunityAnalytics analytics, ActionNamesCache names)
{
    public const int MaxTop = 500;

    /// <summary>The actions done in [from, to] (default: the last month up to today), of <paramref name="action"/> only when given.</summary>
    public async Task<ActionWindow> CountAsync(
        string communitySlug, DateOnly? from, DateOnly? to, string? action, int top, MemberRanking ranking, CancellationToken cancellationToken, int? minActiveDays = null)
    {
        if (minActiveDays is < 1 or > 3660)
        {
            throw new AnalyticsArgumentException("The minimum of active days must be between 1 and 3660.");
        }
        if (action is not null && !ActionNames.IsValid(action))
        {
            throw new AnalyticsArgumentException($"'{action}' is not an action name: use lowercase letters, digits, '_', '.' or '-'.");
        }
        if (top is < 0 or > MaxTop)
        {
            throw new AnalyticsArgumentException($"top must be between 0 and {MaxTop}.");
        }
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var end = to ?? analytics.Today(community);
        var start = from ?? end.AddMonths(-1).AddDays(1);
        if (end < start || end.DayNumber - start.DayNumber > 3660)
        {
            throw new AnalyticsArgumentException("The window must end on or after its first day and span at most ten years.");
        }

        var inWindow = db.Events.AsNoTracking().Where(e => e.CommunityId == community.Id && e.Day >= start && e.Day <= end);
        var byAction = await inWindow.GroupBy(e => e.Action)
            .Select(g => new { Action = g.Key, Events = g.LongCount(), Members = g.Select(e => e.MemberId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var asked = action is null ? inWindow : inWindow.Where(e => e.Action == action);
        var members = action is null
            ? await inWindow.Select(e => e.MemberId).Distinct().CountAsync(cancellationToken)
            : byAction.FirstOrDefault(a => a.Action == action)?.Members ?? 0;

        var tallies = asked.GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Events = g.LongCount(), ActiveDays = g.Select(e => e.Day).Distinct().Count() });
        var ranked = ranking == MemberRanking.Events
            ? tallies.OrderByDescending(t => t.Events).ThenByDescending(t => t.ActiveDays)
            : tallies.OrderByDescending(t => t.ActiveDays).ThenByDescending(t => t.Events);
        // One more than asked: the caller can tell a tie at the cut.
        var leaders = top == 0 ? [] : await ranked.ThenBy(t => t.MemberId).Take(top + 1)
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new MemberTally(m.ExternalId, t.Events, t.ActiveDays))
            .ToListAsync(cancellationToken);
        var ordered = (ranking == MemberRanking.Events
            ? leaders.OrderByDescending(t => t.Events).ThenByDescending(t => t.ActiveDays)
            : leaders.OrderByDescending(t => t.ActiveDays).ThenByDescending(t => t.Events)).ThenBy(t => t.MemberId, StringComparer.Ordinal).ToList();

        int? regulars = minActiveDays is { } n ? await tallies.CountAsync(t => t.ActiveDays >= n, cancellationToken) : null;
        return new ActionWindow(start, end, action,
            action is null ? byAction.Sum(a => a.Events) : byAction.FirstOrDefault(a => a.Action == action)?.Events ?? 0,
            members,
            [.. byAction.OrderByDescending(a => a.Events).ThenBy(a => a.Action, StringComparer.Ordinal).Select(a => new ActionTally(a.Action, a.Events, a.Members))],
            ordered)
        {
            MembersWithMinActiveDays = regulars,
        };
    }

    /// <summary>
    /// The members who did <paramref name="action"/> (any action when null) in [from, to] and <paramref name="previousAction"/>
    /// in the previous window: "of those who changed the docs in 2019, how many did again in 2020?", "... how many pushed
    /// code in 2020?" The windows are validated by <see cref="CountAsync"/> first.
    /// </summary>
    public async Task<int> MembersInBothAsync(
        string communitySlug, DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo, string? action, string? previousAction, CancellationToken cancellationToken)
    {
        var community = await communities.GetAsync(communitySlug, cancellationToken);
        var events = db.Events.AsNoTracking().Where(e => e.CommunityId == community.Id);
        var earlier = events.Where(e => e.Day >= previousFrom && e.Day <= previousTo && (previousAction == null || e.Action == previousAction)).Select(e => e.MemberId);
        return await events.Where(e => e.Day >= from && e.Day <= to && (action == null || e.Action == action)).Select(e => e.MemberId).Distinct()
            .CountAsync(id => earlier.Contains(id), cancellationToken);
    }

    /// <summary>The names of the actions this community's members have done, most frequent first: what the planner can recognise in a question.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(Core.Communities.Community community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (names.TryGet(community, out var known))
        {
            return known;
        }
        var read = await db.Events.AsNoTracking().Where(e => e.CommunityId == community.Id)
            .GroupBy(e => e.Action).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(64).ToListAsync(cancellationToken);
        names.Set(community, read);
        return read;
    }
}
