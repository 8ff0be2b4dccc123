using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;

namespace Actionlytics.Core.Tests;

/// <summary>Hand-made communities for analytics tests: members and the days they were active, with what they did.</summary>
public sealed class CommunityBuilder
{
    private long _nextId = 1;

    public ActivityIndex Index { get; } = new("UTC");

    public CommunityBuilder Member(string id, params (string Day, string[] Actions)[] days) => Member(id, null, days);

    public CommunityBuilder Member(string id, string? joined, params (string Day, string[] Actions)[] days)
    {
        var memberId = _nextId++;
        Index.AddMember(memberId, id, joined is null ? null : DateOnly.Parse(joined, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (day, actions) in days)
        {
            var counts = new ActionCounts();
            foreach (var action in actions)
            {
                counts.Add(action);
            }
            Index.AddDay(memberId, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), counts);
        }
        return this;
    }

    /// <summary>A member active (with a login) on each of the given days.</summary>
    public CommunityBuilder ActiveOn(string id, params string[] days) => Member(id, days.Select(d => (d, new[] { "login" })).ToArray());

    public static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
