namespace Actionlytics.Agent.Planning;

/// <summary>A tool call the planner decided on: the tool's name and its arguments in JSON-ready values.</summary>
public sealed record PlannedCall(string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    public object? this[string argument] => Arguments.GetValueOrDefault(argument);

    public PlannedCall With(IEnumerable<KeyValuePair<string, object?>> changes)
    {
        var arguments = new Dictionary<string, object?>(Arguments, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                arguments.Remove(key);
            }
            else
            {
                arguments[key] = value;
            }
        }
        return this with { Arguments = arguments };
    }
}

/// <summary>What the planner makes of a message: the calls to make, or why none (out of scope, too vague, a thank-you).</summary>
public sealed record Plan(string Language, IReadOnlyList<PlannedCall> Calls, PlanOutcome Outcome)
{
    /// <summary>With <see cref="PlanOutcome.NotUnderstood"/>: the words the planner could not place, as the manager wrote them.</summary>
    public IReadOnlyList<string> Unplaced { get; init; } = [];
}

/// <summary>What an answer leads with: its calls' main figures, or a period's lifecycle (new, returning, resurrecting, dormant).</summary>
public enum AnswerFocus
{
    Figures,
    Lifecycle,

    /// <summary>Two periods' members: active in both, in the earlier only, in the later only.</summary>
    Overlap,

    /// <summary>"Active in Q4 2018 but not in Q1 2019": the members of the earlier period only, first.</summary>
    OverlapFirstOnly,

    /// <summary>"Who were our 5 most active members in 2018?": the ranked members, first.</summary>
    TopMembers,
}

public enum PlanOutcome
{
    Calls,
    OutOfScope,
    NeedsDetail,

    /// <summary>Words that look like a date, a number or a filter were left over: answering would answer another question.</summary>
    NotUnderstood,

    /// <summary>A "how many ..." of something the data does not hold (lines of code, stars): no figure would answer it.</summary>
    NotCounted,

    /// <summary>Two of the community's actions named equally ("docs updates and code changes"): the tools count one at a time.</summary>
    TwoActions,
    Closing,
}
