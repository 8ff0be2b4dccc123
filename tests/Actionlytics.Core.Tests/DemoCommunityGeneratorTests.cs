using Actionlytics.Core.Activity;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Demo;

namespace Actionlytics.Core.Tests;

public class DemoCommunityGeneratorTests
{
    private static readonly DemoCommunitySpec Spec = new(Members: 400, Months: 18, Seed: 7, EndDay: new DateOnly(2026, 6, 30));

    [Fact]
    public void Generates_the_same_community_from_the_same_spec()
    {
        var first = new DemoCommunityGenerator(Spec).Events().ToList();
        var second = new DemoCommunityGenerator(Spec).Events().ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, new DemoCommunityGenerator(Spec with { Seed = 8 }).Events().ToList());
    }

    [Fact]
    public void Uses_all_six_actions_with_unique_event_ids_inside_the_history()
    {
        var events = new DemoCommunityGenerator(Spec).Events().ToList();
        var calendar = new CommunityCalendar(Spec.TimeZone);

        Assert.Equal(ActionNames.Known.Order(), events.Select(e => e.Action).Distinct().Order());
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.All(events, e => Assert.InRange(calendar.DayOf(e.OccurredAt), Spec.StartDay, Spec.EndDay));
    }

    [Fact]
    public void Gives_each_persona_its_behaviour_in_the_last_month()
    {
        var generator = new DemoCommunityGenerator(Spec);
        var calendar = new CommunityCalendar(Spec.TimeZone);
        var lastMonthStart = Spec.EndDay.AddDays(-29);
        var activeLastMonth = generator.Events()
            .Where(e => calendar.DayOf(e.OccurredAt) >= lastMonthStart)
            .Select(e => e.MemberId)
            .ToHashSet();

        double ShareActive(DemoPersona persona)
        {
            var members = Enumerable.Range(0, Spec.Members).Where(i => generator.PersonaOf(i) == persona).Select(DemoCommunityGenerator.MemberId).ToList();
            return (double)members.Count(activeLastMonth.Contains) / members.Count;
        }

        Assert.True(ShareActive(DemoPersona.Champion) > 0.95);
        Assert.True(ShareActive(DemoPersona.SteadyRegular) > 0.9);
        Assert.Equal(0, ShareActive(DemoPersona.RecentlyLapsed));
        Assert.Equal(0, ShareActive(DemoPersona.LongGone));
    }

    [Fact]
    public void Describes_members_with_names_locales_and_their_persona()
    {
        var members = new DemoCommunityGenerator(Spec).Members().ToList();

        Assert.Equal(Spec.Members, members.Count);
        Assert.All(members, m => Assert.Contains("\"persona\"", m.AttributesJson));
        Assert.Equal(["en", "fr", "it"], members.Select(m => m.Locale!).Distinct().Order());
    }
}
