namespace Actionlytics.Core.Analytics;

/// <summary>
/// Activity over time from an <see cref="ActivityIndex"/>: the trend with its lifecycle, the comparison with the previous
/// window, stickiness and retention cohorts, and the members behind any of those numbers.
/// </summary>
public static class ActivityEvolution
{
    /// <param name="actions">Count only days with one of these actions (<see cref="ActionSet.None"/>: every action); membership still counts every member.</param>
    public static ActivityTrend Trend(ActivityIndex index, DateOnly from, DateOnly to, Granularity granularity, ActionSet actions = ActionSet.None)
    {
        ArgumentNullException.ThrowIfNull(index);
        var periods = Periods.Between(from, to, granularity);
        var previous = Periods.Before(from, granularity);
        // Slot 0 is the period before the window, slots 1..n the window's periods.
        var bounds = new (int Start, int End)[periods.Count + 1];
        bounds[0] = (EpochDay.From(previous.Start), EpochDay.From(previous.End));
        for (var k = 0; k < periods.Count; k++)
        {
            bounds[k + 1] = (EpochDay.From(periods[k].Start), EpochDay.From(periods[k].End));
        }

        var n = bounds.Length;
        int[] active = new int[n], gainedCounts = new int[n], @new = new int[n], returning = new int[n], dormant = new int[n];
        var comparedEnd = EpochDay.From(from) - 1; // the end of the window compared with
        var joins = new JoinCounter([.. bounds.Skip(1).Select(b => b.End), comparedEnd, EpochDay.From(to)]);
        // Each member's active periods as bits (bit k: period k), counted word by word: a member costs its active periods, not the window's length.
        var bits = new ulong[(n + 63) / 64];
        var inWindow = n == 64 ? ulong.MaxValue : (1UL << (n % 64)) - 1;
        var buffer = Array.Empty<int>();
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            joins.Add(JoinDay(index, slot, index.EntriesAt(slot)));
            var entries = Only(index.EntriesAt(slot), actions, ref buffer);
            if (entries.IsEmpty)
            {
                continue;
            }

            Array.Clear(bits);
            MarkActivePeriods(entries, bounds, bits);
            var firstDay = ActivityIndex.Entry.Day(entries[0]);
            if (firstDay >= bounds[1].Start && firstDay <= bounds[n - 1].End)
            {
                @new[PeriodOf(bounds, firstDay)]++;
            }

            ulong carry = 0;
            for (var w = 0; w < bits.Length; w++)
            {
                var now = bits[w];
                var before = (now << 1) | carry; // bit k: active in period k - 1
                carry = now >> 63;
                var valid = w == bits.Length - 1 && n % 64 != 0 ? inWindow : ulong.MaxValue;
                if (w == 0)
                {
                    valid &= ~1UL; // period 0 is the one before the window
                }
                Count(now & valid, active, w);
                Count(now & before & valid, returning, w);
                Count(now & ~before & valid, gainedCounts, w);
                Count(~now & before & valid, dormant, w);
            }
        }
        var points = new List<TrendPoint>(periods.Count);
        for (var k = 1; k < n; k++)
        {
            var members = joins.UpTo(bounds[k].End);
            // A member first active in the period is among those active now and not before: gained, but new rather than resurrecting.
            points.Add(new TrendPoint(
                periods[k - 1], active[k], members, Rate(active[k], members),
                Gained: gainedCounts[k], Lost: dormant[k],
                @new[k], returning[k], gainedCounts[k] - @new[k], dormant[k],
                EventsBetween(index, periods[k - 1].Start, periods[k - 1].End)));
        }
        var length = to.DayNumber - from.DayNumber + 1;
        return new ActivityTrend(from, to, granularity, points, Compare(index, from, to, from.AddDays(-length), from.AddDays(-1), joins, actions));
    }

    /// <summary>
    /// Two windows side by side: active members, rate, events, newcomers, and the members gained (active in the window,
    /// not in the previous one) and lost (the reverse).
    /// </summary>
    public static WindowComparison Compare(ActivityIndex index, DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo, ActionSet actions = ActionSet.None)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (to < from || previousTo < previousFrom)
        {
            throw new AnalyticsArgumentException("Each window must end on or after its first day.");
        }
        var joins = new JoinCounter([EpochDay.From(to), EpochDay.From(previousTo)]);
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            joins.Add(JoinDay(index, slot, index.EntriesAt(slot)));
        }
        return Compare(index, from, to, previousFrom, previousTo, joins, actions);
    }

    /// <summary>The entries with one of <paramref name="actions"/>, copied into <paramref name="buffer"/>; all of them when none is asked.</summary>
    private static ReadOnlySpan<int> Only(ReadOnlySpan<int> entries, ActionSet actions, ref int[] buffer)
    {
        if (actions == ActionSet.None)
        {
            return entries;
        }
        if (buffer.Length < entries.Length)
        {
            buffer = new int[Math.Max(entries.Length, buffer.Length * 2)];
        }
        var kept = 0;
        foreach (var entry in entries)
        {
            if ((ActivityIndex.Entry.Actions(entry) & actions) != 0)
            {
                buffer[kept++] = entry;
            }
        }
        return buffer.AsSpan(0, kept);
    }

    /// <summary>The members behind one number of a trend: the external ids of those counted in <paramref name="metric"/> for the period containing <paramref name="day"/>.</summary>
    public static IReadOnlyList<string> MembersBehind(ActivityIndex index, DateOnly from, DateOnly to, Granularity granularity, DateOnly day, TrendMetric metric)
    {
        ArgumentNullException.ThrowIfNull(index);
        var period = Periods.Between(from, to, granularity).FirstOrDefault(p => p.Contains(day))
            ?? throw new AnalyticsArgumentException($"{day:yyyy-MM-dd} is outside the window {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.");
        var before = Periods.Before(period.Start, granularity);
        int start = EpochDay.From(period.Start), end = EpochDay.From(period.End);
        int beforeStart = EpochDay.From(before.Start), beforeEnd = EpochDay.From(before.End);

        var members = new List<string>();
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            var entries = index.EntriesAt(slot);
            var now = ActiveBetween(entries, start, end);
            var earlier = ActiveBetween(entries, beforeStart, beforeEnd);
            var isNew = now && ActivityIndex.Entry.Day(entries[0]) >= start;
            var counted = metric switch
            {
                TrendMetric.Active => now,
                TrendMetric.New => isNew,
                TrendMetric.Returning => now && !isNew && earlier,
                TrendMetric.Resurrecting => now && !isNew && !earlier,
                TrendMetric.Gained => now && (isNew || !earlier),
                TrendMetric.Dormant or TrendMetric.Lost => !now && earlier,
                TrendMetric.Members => JoinDay(index, slot, entries) <= end,
                _ => false,
            };
            if (counted)
            {
                members.Add(index.ExternalIdAt(slot));
            }
        }
        members.Sort(StringComparer.Ordinal);
        return members;
    }

    /// <summary>Members by number of active days in [from, to]: element k-1 counts the members active on exactly k days.</summary>
    public static IReadOnlyList<int> Stickiness(ActivityIndex index, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(index);
        _ = Periods.Between(from, to, Granularity.Day); // validates the window
        int start = EpochDay.From(from), end = EpochDay.From(to);
        var histogram = new int[end - start + 1];
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            var days = CountBetween(index.EntriesAt(slot), start, end);
            if (days > 0)
            {
                histogram[days - 1]++;
            }
        }
        return histogram;
    }

    /// <summary>The members active on exactly <paramref name="activeDays"/> days in [from, to].</summary>
    public static IReadOnlyList<string> StickinessMembers(ActivityIndex index, DateOnly from, DateOnly to, int activeDays)
    {
        ArgumentNullException.ThrowIfNull(index);
        int start = EpochDay.From(from), end = EpochDay.From(to);
        return Select(index, entries => CountBetween(entries, start, end) == activeDays);
    }

    /// <summary>
    /// Retention by cohort: members grouped by the month of their first activity (cohorts starting in [from, to]); for
    /// each cohort, the share of its members active in each month since, up to <paramref name="to"/>'s month.
    /// </summary>
    public static IReadOnlyList<RetentionCohort> Retention(ActivityIndex index, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(index);
        var months = Periods.Between(Periods.Containing(from, Granularity.Month).Start, to, Granularity.Month);
        var monthStarts = months.Select(m => EpochDay.From(m.Start)).ToArray();
        var sizes = new int[months.Count];
        var active = new int[months.Count, months.Count];
        var seen = new bool[months.Count];
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            var entries = index.EntriesAt(slot);
            if (entries.IsEmpty)
            {
                continue;
            }
            var cohort = MonthOf(monthStarts, ActivityIndex.Entry.Day(entries[0]));
            if (cohort < 0 || ActivityIndex.Entry.Day(entries[0]) > EpochDay.From(to))
            {
                continue;
            }
            sizes[cohort]++;
            Array.Clear(seen);
            foreach (var entry in entries)
            {
                var day = ActivityIndex.Entry.Day(entry);
                if (day > EpochDay.From(to))
                {
                    break;
                }
                var month = MonthOf(monthStarts, day);
                if (month >= 0 && !seen[month])
                {
                    seen[month] = true;
                    active[cohort, month]++;
                }
            }
        }

        var cohorts = new List<RetentionCohort>(months.Count);
        for (var c = 0; c < months.Count; c++)
        {
            var retained = new List<double>(months.Count - c);
            var counts = new List<int>(months.Count - c);
            for (var m = c; m < months.Count; m++)
            {
                counts.Add(active[c, m]);
                retained.Add(Rate(active[c, m], sizes[c]));
            }
            cohorts.Add(new RetentionCohort(months[c].Label, months[c].Start, sizes[c], counts, retained));
        }
        return cohorts;
    }

    /// <summary>The members of the cohort of <paramref name="cohortMonth"/> active <paramref name="monthsLater"/> months later.</summary>
    public static IReadOnlyList<string> RetentionMembers(ActivityIndex index, DateOnly cohortMonth, int monthsLater)
    {
        ArgumentNullException.ThrowIfNull(index);
        var cohort = Periods.Containing(cohortMonth, Granularity.Month);
        var target = Periods.Containing(cohort.Start.AddMonths(monthsLater), Granularity.Month);
        int cohortStart = EpochDay.From(cohort.Start), cohortEnd = EpochDay.From(cohort.End);
        return Select(index, entries =>
            !entries.IsEmpty
            && ActivityIndex.Entry.Day(entries[0]) >= cohortStart && ActivityIndex.Entry.Day(entries[0]) <= cohortEnd
            && ActiveBetween(entries, EpochDay.From(target.Start), EpochDay.From(target.End)));
    }

    private static WindowComparison Compare(ActivityIndex index, DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo, JoinCounter joins, ActionSet actions)
    {
        int start = EpochDay.From(from), end = EpochDay.From(to), previousStart = EpochDay.From(previousFrom), previousEnd = EpochDay.From(previousTo);
        int active = 0, previousActive = 0, gained = 0, lost = 0, newNow = 0, newBefore = 0;
        var buffer = Array.Empty<int>();
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            var entries = Only(index.EntriesAt(slot), actions, ref buffer);
            if (entries.IsEmpty)
            {
                continue;
            }
            var now = ActiveBetween(entries, start, end);
            var before = ActiveBetween(entries, previousStart, previousEnd);
            var first = ActivityIndex.Entry.Day(entries[0]);
            active += now ? 1 : 0;
            previousActive += before ? 1 : 0;
            gained += now && !before ? 1 : 0;
            lost += before && !now ? 1 : 0;
            newNow += first >= start && first <= end ? 1 : 0;
            newBefore += first >= previousStart && first <= previousEnd ? 1 : 0;
        }
        int members = joins.UpTo(end), previousMembers = joins.UpTo(previousEnd);
        return new WindowComparison(
            new WindowSummary(from, to, active, members, Rate(active, members), EventsOf(EventsBetween(index, from, to), actions), newNow),
            new WindowSummary(previousFrom, previousTo, previousActive, previousMembers, Rate(previousActive, previousMembers), EventsOf(EventsBetween(index, previousFrom, previousTo), actions), newBefore),
            gained,
            lost);
    }

    private static void MarkActivePeriods(ReadOnlySpan<int> entries, (int Start, int End)[] bounds, ulong[] bits)
    {
        var k = 0;
        for (var i = LowerBound(entries, bounds[0].Start); i < entries.Length; i++)
        {
            var day = ActivityIndex.Entry.Day(entries[i]);
            while (k < bounds.Length && day > bounds[k].End)
            {
                k++;
            }
            if (k == bounds.Length)
            {
                return;
            }
            if (day >= bounds[k].Start)
            {
                bits[k >> 6] |= 1UL << (k & 63);
            }
        }
    }

    /// <summary>Adds one to <paramref name="counts"/> at every period whose bit is set in word <paramref name="word"/>.</summary>
    private static void Count(ulong set, int[] counts, int word)
    {
        while (set != 0)
        {
            counts[(word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set)]++;
            set &= set - 1;
        }
    }

    private static int PeriodOf((int Start, int End)[] bounds, int day)
    {
        int low = 0, high = bounds.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (bounds[middle].Start <= day)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    /// <summary>All events, or those of the asked actions (slot 1 + the flag's bit position).</summary>
    private static long EventsOf(long[] totals, ActionSet actions) =>
        actions == ActionSet.None ? totals[0]
        : Enumerable.Range(0, DailyTotals.Slots - 1).Where(bit => ((int)actions & (1 << bit)) != 0).Sum(bit => totals[bit + 1]);

    private static long[] EventsBetween(ActivityIndex index, DateOnly from, DateOnly to)
    {
        var totals = new long[DailyTotals.Slots];
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var daily = index.TotalsOn(day);
            for (var i = 0; i < daily.Length; i++)
            {
                totals[i] += daily[i];
            }
        }
        return totals;
    }

    private static int JoinDay(ActivityIndex index, int slot, ReadOnlySpan<int> entries)
    {
        var joined = index.JoinedDayAt(slot);
        return joined != int.MaxValue ? joined : entries.IsEmpty ? int.MaxValue : ActivityIndex.Entry.Day(entries[0]);
    }

    private delegate bool MemberFilter(ReadOnlySpan<int> entries);

    private static List<string> Select(ActivityIndex index, MemberFilter keep)
    {
        var members = new List<string>();
        for (var slot = 0; slot < index.MemberCount; slot++)
        {
            if (keep(index.EntriesAt(slot)))
            {
                members.Add(index.ExternalIdAt(slot));
            }
        }
        members.Sort(StringComparer.Ordinal);
        return members;
    }

    private static bool ActiveBetween(ReadOnlySpan<int> entries, int start, int end)
    {
        var i = LowerBound(entries, start);
        return i < entries.Length && ActivityIndex.Entry.Day(entries[i]) <= end;
    }

    private static int CountBetween(ReadOnlySpan<int> entries, int start, int end)
    {
        var i = LowerBound(entries, start);
        var count = 0;
        while (i < entries.Length && ActivityIndex.Entry.Day(entries[i]) <= end)
        {
            count++;
            i++;
        }
        return count;
    }

    /// <summary>The first position whose day is on or after <paramref name="day"/>.</summary>
    private static int LowerBound(ReadOnlySpan<int> entries, int day)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ActivityIndex.Entry.Day(entries[middle]) < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static int MonthOf(int[] monthStarts, int day)
    {
        var position = Array.BinarySearch(monthStarts, day);
        return position >= 0 ? position : ~position - 1;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>
/// Counts members who had joined by each of a few days, in one pass and without sorting every join day:
/// each join lands in the bucket of the first asked day on or after it.
/// </summary>
internal sealed class JoinCounter
{
    private readonly int[] _days;
    private readonly int[] _buckets;

    public JoinCounter(IEnumerable<int> days)
    {
        _days = days.Distinct().Order().ToArray();
        _buckets = new int[_days.Length];
    }

    /// <summary>Counts a member who joined on <paramref name="joinDay"/> (<see cref="int.MaxValue"/>: never).</summary>
    public void Add(int joinDay)
    {
        var position = Array.BinarySearch(_days, joinDay);
        position = position >= 0 ? position : ~position;
        if (position < _buckets.Length)
        {
            _buckets[position]++;
        }
    }

    /// <summary>Members who had joined by <paramref name="day"/>, one of the days given at construction.</summary>
    public int UpTo(int day)
    {
        var last = Array.BinarySearch(_days, day);
        var total = 0;
        for (var i = 0; i <= last; i++)
        {
            total += _buckets[i];
        }
        return total;
    }
}

/// <summary>One retention cohort: members first active in <see cref="Month"/>, and how many were active each month since.</summary>
/// <param name="Active">Members of the cohort active in the cohort's month, the month after, and so on.</param>
/// <param name="Retained">The same as shares of <paramref name="Size"/>.</param>
public sealed record RetentionCohort(string Month, DateOnly Start, int Size, IReadOnlyList<int> Active, IReadOnlyList<double> Retained);
