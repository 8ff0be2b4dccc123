using System.Globalization;
using System.Text.Json;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Core.Members;

namespace Actionlytics.Core.Demo;

/// <summary>
/// Generates a realistic community from a <see cref="DemoCommunitySpec"/>: members with personas (their
/// <c>persona</c> attribute says which) and their events over the whole history, all six actions.
/// Deterministic: every member draws from its own seeded generator, so members and events stream in a fixed order.
/// </summary>
public sealed class DemoCommunityGenerator
{
    private static readonly (DemoPersona Persona, double Share)[] PersonaShares =
    [
        (DemoPersona.Champion, 0.05),
        (DemoPersona.SteadyRegular, 0.20),
        (DemoPersona.Fading, 0.15),
        (DemoPersona.RecentlyLapsed, 0.10),
        (DemoPersona.LongGone, 0.20),
        (DemoPersona.OneTimer, 0.15),
        (DemoPersona.SeasonalLearner, 0.15),
    ];

    private static readonly string[] FirstNames =
    [
        "Giulia", "Marco", "Camille", "Lucas", "Emma", "Hugo", "Chiara", "Luca", "Sofia", "Léa", "Thomas", "Sarah",
        "Nicolas", "Julie", "Matteo", "Alice", "Paul", "Inès", "Francesca", "Antoine", "Olivia", "James", "Manon", "Louis",
        "Elena", "Pierre", "Anna", "Jules", "Martina", "Noah", "Chloé", "Davide", "Laura", "Arthur", "Mia", "Gabriel",
    ];

    private static readonly string[] LastNames =
    [
        "Rossi", "Martin", "Bernard", "Bianchi", "Dubois", "Smith", "Ferrari", "Moreau", "Laurent", "Romano", "Jones",
        "Lefebvre", "Colombo", "Garcia", "Ricci", "Roux", "Brown", "Marino", "Fournier", "Greco", "Girard", "Taylor",
        "Bruno", "Mercier", "Gallo", "Blanc", "Conti", "Wilson", "Faure", "Costa", "Lambert", "Fontana",
    ];

    private static readonly string[] Departments = ["Sales", "Support", "Engineering", "Marketing", "Operations", "HR", "Finance"];

    private readonly DemoCommunitySpec _spec;
    private readonly CommunityCalendar _calendar;

    public DemoCommunityGenerator(DemoCommunitySpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Members, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Months, 1);
        _spec = spec;
        _calendar = new CommunityCalendar(spec.TimeZone);
    }

    /// <summary>The members, in id order.</summary>
    public IEnumerable<MemberRow> Members()
    {
        for (var index = 0; index < _spec.Members; index++)
        {
            yield return Describe(index).Row;
        }
    }

    /// <summary>Every event of every member, member by member, each member's events in time order.</summary>
    public IEnumerable<EventRow> Events()
    {
        for (var index = 0; index < _spec.Members; index++)
        {
            foreach (var row in EventsOf(Describe(index)))
            {
                yield return row;
            }
        }
    }

    /// <summary>The persona member <paramref name="index"/> follows.</summary>
    public DemoPersona PersonaOf(int index) => Describe(index).Persona;

    private sealed record DemoMember(int Index, DemoPersona Persona, DateOnly Joined, int Seed, MemberRow Row);

    private DemoMember Describe(int index)
    {
        // HashCode.Combine is randomised per process; the demo must be the same on every machine.
        var random = new Random(unchecked((_spec.Seed * 1_000_003) + (index * 7_919) + 17));
        var persona = PickPersona(random.NextDouble());
        var joined = PickJoinDay(persona, random);
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var locale = random.NextDouble() switch { < 0.45 => "fr", < 0.75 => "en", _ => "it" };
        var optedOut = random.NextDouble() < 0.03 ? ContactChannels.Email : ContactChannels.None;
        var attributes = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["persona"] = PersonaName(persona),
            ["department"] = Departments[random.Next(Departments.Length)],
        });
        var id = MemberId(index);
        var email = $"{Ascii(first)}.{Ascii(last)}.{index}@northwind.example".ToLowerInvariant();
        var row = new MemberRow(id, $"{first} {last}", email, locale, _calendar.InstantOf(joined.ToDateTime(new TimeOnly(9, 0))), optedOut, attributes);
        return new DemoMember(index, persona, joined, random.Next(), row);
    }

    private IEnumerable<EventRow> EventsOf(DemoMember member)
    {
        var random = new Random(member.Seed);
        var end = _spec.EndDay;
        var sequence = 0;
        var oneTimerDays = member.Persona == DemoPersona.OneTimer ? OneTimerDays(member.Joined, random) : null;
        var lapse = end.AddDays(-random.Next(31, 76));
        var goneAfter = member.Joined.AddDays(random.Next(30, 150));
        var fadeLength = Math.Max(30, end.DayNumber - member.Joined.DayNumber - random.Next(0, 40));

        for (var day = member.Joined; day <= end; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var probability = member.Persona switch
            {
                DemoPersona.Champion => weekend ? 0.25 : 0.65,
                DemoPersona.SteadyRegular => weekend ? 0.06 : 0.32,
                DemoPersona.Fading => Math.Max(0, 0.38 * (1 - ((double)(day.DayNumber - member.Joined.DayNumber) / fadeLength))),
                DemoPersona.RecentlyLapsed => day < lapse ? (weekend ? 0.08 : 0.35) : 0,
                DemoPersona.LongGone => day <= goneAfter && day < end.AddDays(-120) ? 0.22 : 0,
                DemoPersona.OneTimer => oneTimerDays!.Contains(day) ? 1 : 0,
                DemoPersona.SeasonalLearner => day.Month is 9 or 10 or 11 or 1 or 2 or 3 ? (weekend ? 0.1 : 0.38) : 0.015,
                _ => 0,
            };
            if (day == member.Joined && member.Persona != DemoPersona.OneTimer)
            {
                probability = 1; // everyone shows up the day they join
            }
            if (random.NextDouble() >= probability)
            {
                continue;
            }

            var minuteOfDay = (7 * 60) + random.Next(13 * 60);
            var at = _calendar.InstantOf(day.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60, random.Next(60))));
            var channel = random.NextDouble() switch { < 0.6 => "web", < 0.85 => "mobile", _ => "teams" };
            yield return Event(member, ref sequence, at, ActionNames.Login, null, channel);

            var extra = ExtraActions(member.Persona, random);
            for (var i = 0; i < extra; i++)
            {
                at = at.AddSeconds(random.Next(20, 900));
                var action = PickAction(member.Persona, random);
                yield return Event(member, ref sequence, at, action, ContentFor(action, random), channel);
            }
        }
    }

    private static EventRow Event(DemoMember member, ref int sequence, DateTimeOffset at, string action, string? contentId, string channel) =>
        new($"{member.Row.MemberId}-{++sequence:D5}", member.Row.MemberId, at.ToUniversalTime(), action, contentId, channel, null);

    private static HashSet<DateOnly> OneTimerDays(DateOnly joined, Random random)
    {
        var days = new HashSet<DateOnly> { joined.AddDays(random.Next(0, 3)) };
        if (random.NextDouble() < 0.35)
        {
            days.Add(joined.AddDays(random.Next(3, 10)));
        }
        return days;
    }

    private DateOnly PickJoinDay(DemoPersona persona, Random random)
    {
        var start = _spec.StartDay;
        var end = _spec.EndDay;
        var span = end.DayNumber - start.DayNumber;
        // Latest join that still lets the persona show its behaviour before the end of history.
        var latestJoinBeforeEnd = persona switch
        {
            DemoPersona.LongGone => 150,
            DemoPersona.RecentlyLapsed => 160,
            DemoPersona.Fading => 120,
            DemoPersona.OneTimer => 10,
            _ => 20,
        };
        var latest = Math.Max(0, span - latestJoinBeforeEnd);
        return start.AddDays(random.Next(0, latest + 1));
    }

    private static DemoPersona PickPersona(double draw)
    {
        foreach (var (persona, share) in PersonaShares)
        {
            if (draw < share)
            {
                return persona;
            }
            draw -= share;
        }
        return DemoPersona.SteadyRegular;
    }

    private static int ExtraActions(DemoPersona persona, Random random) => persona switch
    {
        DemoPersona.Champion => random.Next(1, 6),
        DemoPersona.SeasonalLearner => random.Next(1, 5),
        DemoPersona.OneTimer or DemoPersona.LongGone => random.Next(0, 2),
        _ => random.Next(0, 4),
    };

    private static string PickAction(DemoPersona persona, Random random)
    {
        // Weights for download, quiz_answer, badge_earned, video_view, contribution.
        ReadOnlySpan<double> weights = persona switch
        {
            DemoPersona.Champion => [2, 1, 0.5, 2, 4],
            DemoPersona.SteadyRegular => [2, 1, 0.3, 2, 1],
            DemoPersona.Fading => [2, 0.5, 0.2, 1, 0.3],
            DemoPersona.RecentlyLapsed => [1.5, 1, 0.4, 1, 2],
            DemoPersona.SeasonalLearner => [1, 4, 1, 3, 0.2],
            _ => [2, 0.3, 0.1, 1, 0.1],
        };
        string[] actions = [ActionNames.Download, ActionNames.QuizAnswer, ActionNames.BadgeEarned, ActionNames.VideoView, ActionNames.Contribution];
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        var draw = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (draw < weights[i])
            {
                return actions[i];
            }
            draw -= weights[i];
        }
        return actions[^1];
    }

    private static string? ContentFor(string action, Random random) => action switch
    {
        ActionNames.Download => $"doc-{random.Next(1, 400)}",
        ActionNames.QuizAnswer => $"quiz-{random.Next(1, 120)}",
        ActionNames.VideoView => $"video-{random.Next(1, 180)}",
        ActionNames.Contribution => $"thread-{random.Next(1, 900)}",
        ActionNames.BadgeEarned => $"badge-{random.Next(1, 25)}",
        _ => null,
    };

    public static string MemberId(int index) => string.Create(CultureInfo.InvariantCulture, $"m{index + 1:D5}");

    public static string PersonaName(DemoPersona persona) => persona switch
    {
        DemoPersona.Champion => "champion",
        DemoPersona.SteadyRegular => "steady_regular",
        DemoPersona.Fading => "fading",
        DemoPersona.RecentlyLapsed => "recently_lapsed",
        DemoPersona.LongGone => "long_gone",
        DemoPersona.OneTimer => "one_timer",
        DemoPersona.SeasonalLearner => "seasonal_learner",
        _ => "unknown",
    };

    private static string Ascii(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < 128 && char.IsLetter(c)).ToArray());
}
