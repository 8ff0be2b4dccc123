using Actionlytics.Core.Activity;

namespace Actionlytics.Core.Analytics;

/// <summary>
/// Every member of one community with the days they were active and what they did each day, in memory.
/// Each member's days are one array of packed entries (day &lt;&lt; 8 | action flags), ascending: scoring a
/// million members reads these arrays once. Built from the stored member-days and kept up to date after imports.
/// Not thread-safe for writers: the owner publishes a new or updated index under its own lock.
/// </summary>
public sealed class ActivityIndex
{
    private readonly Dictionary<long, int> _slotOfMember = [];
    private readonly Dictionary<int, long[]> _eventsByDay = [];
    private long[] _memberIds = new long[64];
    private string[] _externalIds = new string[64];
    private int[] _joinedDays = new int[64];
    private int[][] _entries = new int[64][];
    private int[] _entryCounts = new int[64];

    public ActivityIndex(string timeZone) => TimeZone = timeZone;

    /// <summary>The community time zone whose days the index counts in.</summary>
    public string TimeZone { get; }

    /// <summary>Members known to the index, active or not.</summary>
    public int MemberCount { get; private set; }

    /// <summary>Total (member, active day) pairs.</summary>
    public long MemberDayCount { get; private set; }

    /// <summary>Earliest and latest active day of anyone, or null when nobody was ever active.</summary>
    public DateOnly? FirstDay { get; private set; }

    public DateOnly? LastDay { get; private set; }

    /// <summary>Registers a member (no-op if known); <paramref name="joined"/> is their join day if the platform said.</summary>
    public int AddMember(long memberId, string externalId, DateOnly? joined)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (_slotOfMember.TryGetValue(memberId, out var slot))
        {
            if (joined is { } day)
            {
                _joinedDays[slot] = EpochDay.From(day);
            }
            return slot;
        }

        slot = MemberCount++;
        if (slot == _memberIds.Length)
        {
            var size = slot * 2;
            Array.Resize(ref _memberIds, size);
            Array.Resize(ref _externalIds, size);
            Array.Resize(ref _joinedDays, size);
            Array.Resize(ref _entries, size);
            Array.Resize(ref _entryCounts, size);
        }
        _memberIds[slot] = memberId;
        _externalIds[slot] = externalId;
        _joinedDays[slot] = joined is { } known ? EpochDay.From(known) : int.MaxValue;
        _entries[slot] = [];
        _slotOfMember[memberId] = slot;
        return slot;
    }

    /// <summary>Adds a member's activity on a day (merging with what the day already had).</summary>
    public void AddDay(long memberId, DateOnly day, ActionCounts counts)
    {
        AddDay(memberId, day, counts.ToFlags());
        var epochDay = EpochDay.From(day);
        if (!_eventsByDay.TryGetValue(epochDay, out var totals))
        {
            totals = new long[DailyTotals.Slots];
            _eventsByDay[epochDay] = totals;
        }
        DailyTotals.Add(totals, counts);
    }

    /// <summary>Adds the actions a member did on a day, without event totals (see <see cref="AddTotals"/>): the bulk load's path.</summary>
    public void AddDay(long memberId, DateOnly day, ActionSet actions)
    {
        var slot = _slotOfMember.TryGetValue(memberId, out var known)
            ? known
            : throw new InvalidOperationException($"Member {memberId} is not in the index; add the member first.");
        AddEntry(slot, EpochDay.From(day), actions);
        FirstDay = FirstDay is { } first && first <= day ? first : day;
        LastDay = LastDay is { } last && last >= day ? last : day;
    }

    /// <summary>Adds a day's event totals (events, the known actions in order, other), as a bulk load reads them per day.</summary>
    public void AddTotals(DateOnly day, ReadOnlySpan<long> totals)
    {
        var epochDay = EpochDay.From(day);
        if (!_eventsByDay.TryGetValue(epochDay, out var existing))
        {
            existing = new long[DailyTotals.Slots];
            _eventsByDay[epochDay] = existing;
        }
        for (var i = 0; i < DailyTotals.Slots; i++)
        {
            existing[i] += totals[i];
        }
    }

    public long MemberIdAt(int slot) => _memberIds[slot];

    public string ExternalIdAt(int slot) => _externalIds[slot];

    /// <summary>The member's join day as an epoch day; <see cref="int.MaxValue"/> when unknown.</summary>
    public int JoinedDayAt(int slot) => _joinedDays[slot];

    /// <summary>The member's active days, ascending, as packed entries (see <see cref="Entry"/>).</summary>
    public ReadOnlySpan<int> EntriesAt(int slot) => _entries[slot].AsSpan(0, _entryCounts[slot]);

    public bool TryGetSlot(long memberId, out int slot) => _slotOfMember.TryGetValue(memberId, out slot);

    /// <summary>Event totals of one day: events, then the known actions in <see cref="ActionNames.Known"/> order, then other.</summary>
    public ReadOnlySpan<long> TotalsOn(DateOnly day) =>
        _eventsByDay.TryGetValue(EpochDay.From(day), out var totals) ? totals : ReadOnlySpan<long>.Empty;

    /// <summary>
    /// Reallocates every member's days exactly sized, in member order: after a build, arrays grown day by day lie all
    /// over the heap, and a pass over every member (scoring) then waits on memory more than it computes.
    /// </summary>
    public void Compact()
    {
        for (var slot = 0; slot < MemberCount; slot++)
        {
            var count = _entryCounts[slot];
            var compact = count == 0 ? [] : new int[count];
            Array.Copy(_entries[slot], compact, count);
            _entries[slot] = compact;
        }
    }

    /// <summary>Approximate bytes held, for capacity planning and the benchmark.</summary>
    public long ApproximateBytes()
    {
        long bytes = (long)_memberIds.Length * (8 + 8 + 4 + 8 + 4) + (MemberCount * 40L);
        for (var slot = 0; slot < MemberCount; slot++)
        {
            bytes += 24 + (_entries[slot].Length * 4L) + 24 + (_externalIds[slot].Length * 2L);
        }
        return bytes + (_eventsByDay.Count * (DailyTotals.Slots * 8L + 48));
    }

    private void AddEntry(int slot, int epochDay, ActionSet flags)
    {
        var entries = _entries[slot];
        var count = _entryCounts[slot];
        var packed = Entry.Pack(epochDay, flags);

        // Imports mostly bring days after the member's last one: append. Otherwise merge or insert in order.
        if (count > 0 && Entry.Day(entries[count - 1]) >= epochDay)
        {
            var index = FindDay(entries.AsSpan(0, count), epochDay);
            if (index >= 0)
            {
                entries[index] |= (byte)flags;
                return;
            }
            index = ~index;
            entries = EnsureCapacity(slot, count + 1);
            Array.Copy(entries, index, entries, index + 1, count - index);
            entries[index] = packed;
        }
        else
        {
            entries = EnsureCapacity(slot, count + 1);
            entries[count] = packed;
        }
        _entryCounts[slot] = count + 1;
        MemberDayCount++;
    }

    private int[] EnsureCapacity(int slot, int needed)
    {
        var entries = _entries[slot];
        if (entries.Length < needed)
        {
            Array.Resize(ref entries, Math.Max(4, Math.Max(needed, entries.Length * 2)));
            _entries[slot] = entries;
        }
        return entries;
    }

    /// <summary>Binary search for a day among packed entries: its index, or the complement of where it would go.</summary>
    private static int FindDay(ReadOnlySpan<int> entries, int epochDay)
    {
        int low = 0, high = entries.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var day = Entry.Day(entries[middle]);
            if (day == epochDay)
            {
                return middle;
            }
            if (day < epochDay)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return ~low;
    }

    /// <summary>A packed index entry: the epoch day in the high bits, the day's <see cref="ActionSet"/> in the low byte.</summary>
    public static class Entry
    {
        public static int Pack(int epochDay, ActionSet flags) => (epochDay << 8) | (byte)flags;

        public static int Day(int entry) => entry >> 8;

        public static ActionSet Actions(int entry) => (ActionSet)(entry & 0xFF);
    }
}
