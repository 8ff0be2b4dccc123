using Actionlytics.Agent.Planning;
using Xunit.Abstractions;

namespace Actionlytics.Agent.Tests;

/// <summary>The offline planner against the labelled manager utterances (tool names and arguments must match exactly).</summary>
public sealed class PlannerAccuracyTests(ITestOutputHelper output)
{
    private static string SetPath(string name) => Path.Combine(AppContext.BaseDirectory, "Utterances", name);

    [Fact]
    public void Has_at_least_150_labelled_turns_in_english_and_french_with_follow_ups()
    {
        var cases = new[] { "tuning.json", "tuning-b.json", "tuning-c.json" }.SelectMany(f => PlannerEvaluation.Load(SetPath(f)).Cases).ToList();
        Assert.True(cases.Sum(c => c.Turns.Count) >= 150);
        Assert.Contains(cases, c => c.Id.StartsWith("fr-", StringComparison.Ordinal));
        Assert.True(cases.Count(c => c.Turns.Count > 1) >= 30);
    }

    [Theory]
    [InlineData("tuning.json")]
    [InlineData("tuning-b.json")]
    [InlineData("tuning-c.json")]
    [InlineData("campaigns.json")]
    public void Plans_every_tuning_turn_exactly(string set)
    {
        // A labelled set the planner is tuned on is an exact regression list: what passes must keep passing.
        var accuracy = Measure(set);
        Assert.True(accuracy.Misses.Count == 0, $"{accuracy.Correct}/{accuracy.Turns} = {accuracy.Rate:P1}: see the misses in the output");
    }

    /// <summary>Written apart from the planner and never tuned on: how it generalises beyond its own test phrases.</summary>
    [Fact]
    public void Plans_most_of_the_held_out_turns_exactly()
    {
        var accuracy = Measure("heldout.json");
        Assert.True(accuracy.Rate >= 0.80, $"{accuracy.Correct}/{accuracy.Turns} = {accuracy.Rate:P1}");
    }

    private PlannerAccuracy Measure(string set)
    {
        var (today, cases) = PlannerEvaluation.Load(SetPath(set));
        var accuracy = PlannerEvaluation.Measure(today, cases);
        foreach (var miss in accuracy.Misses)
        {
            output.WriteLine($"{miss.CaseId}: {miss.User}\n  expected {miss.Expected}\n  actual   {miss.Actual}");
        }
        output.WriteLine($"{set}: {accuracy.Correct}/{accuracy.Turns} = {accuracy.Rate:P1}");
        return accuracy;
    }
}
