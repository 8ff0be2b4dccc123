using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The closest questions the agent can answer, offered as choices when a turn answered nothing (a question not
/// understood, a count of something the data does not hold, a request too vague): built from what the question did
/// say (its period, the community's actions) and kept only when the planner reads each one into a call.
/// </summary>
public static class QuestionSuggestions
{
    public const int Max = 4;

    public static IReadOnlyList<string> For(string question, DateOnly today, CommunityTerms terms, AnswerTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var u = new Utterance(question ?? "", terms.Lexicon);
        var slots = Slots.Read(u, today, terms);
        var period = slots.Periods.FirstOrDefault(p => !p.IsDay);
        var day = slots.AsOf ?? slots.NamedDay ?? period?.To;
        var window = period is null ? null : new Dictionary<string, string> { ["from"] = RequestReader.Day(period.From), ["to"] = RequestReader.Day(period.To) };
        var candidates = new List<string>();
        if (window is not null)
        {
            candidates.Add(templates.Render("suggest_active", window));
            foreach (var action in slots.TiedActions.Concat(terms.Actions).Distinct(StringComparer.Ordinal).Take(2))
            {
                candidates.Add(templates.Render("suggest_action", new Dictionary<string, string>(window) { ["action"] = action }));
            }
            candidates.Add(templates.Render("suggest_most_active", window));
        }
        if (day is { } d)
        {
            candidates.Add(templates.Render("suggest_inactive", new Dictionary<string, string> { ["day"] = RequestReader.Day(d) }));
        }
        candidates.AddRange(templates.Text("suggest_general").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimStart('-', ' ')));
        // Only what the agent would answer: a suggestion it would refuse in turn helps nobody.
        return [.. candidates.Distinct(StringComparer.Ordinal)
            .Where(c => RequestReader.Read(c, today, [], terms) is { Outcome: PlanOutcome.Calls, Calls.Count: > 0 })
            .Take(Max)];
    }
}
