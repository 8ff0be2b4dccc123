using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Tests;

public class ActivityIndexTests
{
    [Fact]
    public void Keeps_each_members_days_in_order_and_merges_a_day_added_twice()
    {
        var index = new ActivityIndex("UTC");
        index.AddMember(7, "m7", null);
        var login = new ActionCounts();
        login.Add("login");
        var download = new ActionCounts();
        download.Add("download");

        index.AddDay(7, new DateOnly(2026, 3, 5), login);
        index.AddDay(7, new DateOnly(2026, 3, 1), login);
        index.AddDay(7, new DateOnly(2026, 3, 3), download);
        index.AddDay(7, new DateOnly(2026, 3, 5), download);

        index.TryGetSlot(7, out var slot);
        var entries = index.EntriesAt(slot).ToArray();
        Assert.Equal(
            [EpochDay.From(new DateOnly(2026, 3, 1)), EpochDay.From(new DateOnly(2026, 3, 3)), EpochDay.From(new DateOnly(2026, 3, 5))],
            entries.Select(ActivityIndex.Entry.Day));
        Assert.Equal(ActionSet.Login | ActionSet.Download, ActivityIndex.Entry.Actions(entries[2]));
        Assert.Equal(3, index.MemberDayCount);
        Assert.Equal(2, index.TotalsOn(new DateOnly(2026, 3, 5))[0]);
    }

    [Fact]
    public void Refuses_a_day_for_a_member_it_does_not_know()
    {
        Assert.Throws<InvalidOperationException>(() => new ActivityIndex("UTC").AddDay(1, new DateOnly(2026, 1, 1), new ActionCounts()));
    }
}
