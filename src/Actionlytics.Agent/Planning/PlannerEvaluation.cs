using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actionlytics.Agent.Planning;

/// <summary>A labelled conversation: each turn's message and the exact calls expected for it.</summary>
public sealed record LabelledCase(string Id, IReadOnlyList<LabelledTurn> Turns);

public sealed record LabelledTurn(string User, IReadOnlyList<ExpectedCall> Expect);

public sealed record ExpectedCall(string Name, JsonObject Arguments);

/// <summary>One turn the planner got wrong: what it was asked, what was expected, what it did.</summary>
public sealed record PlannerMiss(string CaseId, string User, string Expected, string Actual);

public sealed record PlannerAccuracy(int Turns, int Correct, IReadOnlyList<PlannerMiss> Misses)
{
    public double Rate => Turns == 0 ? 0 : (double)Correct / Turns;
}

/// <summary>Runs the planner over labelled conversations and counts the turns whose calls match exactly (names, arguments, order).</summary>
public static class PlannerEvaluation
{
    public static (DateOnly Today, IReadOnlyList<LabelledCase> Cases) Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var today = DateOnly.Parse(root["today"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var cases = root["cases"]!.AsArray().Select(c => new LabelledCase(
            c!["id"]!.GetValue<string>(),
            c["turns"]!.AsArray().Select(t => new LabelledTurn(
                t!["user"]!.GetValue<string>(),
                t["expect"]!.AsArray().Select(e => new ExpectedCall(e!["name"]!.GetValue<string>(), e["arguments"]?.AsObject() ?? [])).ToList())).ToList())).ToList();
        return (today, cases);
    }

    public static PlannerAccuracy Measure(DateOnly today, IReadOnlyList<LabelledCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int turns = 0, correct = 0;
        var misses = new List<PlannerMiss>();
        foreach (var labelled in cases)
        {
            var history = new List<PlannedCall>();
            foreach (var turn in labelled.Turns)
            {
                var plan = RequestReader.Read(turn.User, today, history);
                history.AddRange(plan.Calls);
                var expected = Canonical(turn.Expect.Select(e => (e.Name, (JsonNode)e.Arguments)));
                var actual = Canonical(plan.Calls.Select(c => (c.Name, JsonSerializer.SerializeToNode(c.Arguments)!)));
                turns++;
                if (expected == actual)
                {
                    correct++;
                }
                else
                {
                    misses.Add(new PlannerMiss(labelled.Id, turn.User, expected, actual));
                }
            }
        }
        return new PlannerAccuracy(turns, correct, misses);
    }

    /// <summary>Calls as text with sorted keys and numbers as numbers, so equal calls compare equal.</summary>
    private static string Canonical(IEnumerable<(string Name, JsonNode Arguments)> calls) =>
        string.Join(" ; ", calls.Select(c => c.Name + Sorted(c.Arguments)));

    private static string Sorted(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Sorted(p.Value))) + "}",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };
}
