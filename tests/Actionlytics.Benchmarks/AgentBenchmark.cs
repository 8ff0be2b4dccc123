using Actionlytics.Campaigns;
using Actionlytics.Knowledge;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actionlytics.Agent;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Planning;
using Actionlytics.Tests.Tools;
using Actionlytics.Core.Demo;
using Actionlytics.Data;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Benchmarks;

/// <summary>
/// The offline planner's accuracy on the labelled utterances, and the latency of whole chat turns on the demo
/// community (planner, function invocation, tools, answer, thread stored), side by side with the tools' own work
/// called directly (the reference: what the turn costs beyond the analysis itself).
/// </summary>
internal static class AgentBenchmark
{
    private static readonly string[] Conversation =
    [
        "Who are the inactive members with the highest reactivation score?",
        "How has activity evolved over the last 30 days?",
        "and only for videos?",
        "This month vs last month?",
        "Comment évolue l'activité depuis 3 mois ?",
        "Les apprenants en perte de vitesse, top 20",
        "What should I write to learners who stopped after failing quizzes?",
        "Where do our active members come from since January?",
        "What segments do we have?",
        "Propose a campaign for recently lapsed regulars",
    ];

    public static Command Command()
    {
        var members = new Option<int>("--members") { Description = "Members of the demo community.", DefaultValueFactory = _ => 5000 };
        var rounds = new Option<int>("--rounds") { Description = "Times the conversation is replayed.", DefaultValueFactory = _ => 10 };
        var misses = new Option<bool>("--misses") { Description = "Also list each missed turn: what was expected and what the planner called." };
        var command = new Command("agent", "Planner accuracy on the labelled utterances, and chat turn latency on the demo community.") { members, rounds, misses };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(members), parse.GetValue(rounds), parse.GetValue(misses), cancellationToken));
        return command;
    }

    private static async Task RunAsync(int memberCount, int rounds, bool listMisses, CancellationToken cancellationToken)
    {
        var sets = Path.Combine(RepositoryRoot.Find(), "tests", "Actionlytics.Agent.Tests", "Utterances");
        Console.WriteLine("| labelled set | turns | exact calls | accuracy |");
        Console.WriteLine("|---|---:|---:|---:|");
        var missed = new List<(string Set, PlannerMiss Miss)>();
        foreach (var set in new[] { "tuning.json", "tuning-b.json", "tuning-c.json", "campaigns.json", "heldout.json" })
        {
            var (today, cases) = PlannerEvaluation.Load(Path.Combine(sets, set));
            var accuracy = PlannerEvaluation.Measure(today, cases);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {set} | {accuracy.Turns} | {accuracy.Correct} | {accuracy.Rate:P1} |"));
            missed.AddRange(accuracy.Misses.Select(m => (set, m)));
        }
        if (listMisses)
        {
            foreach (var (set, m) in missed)
            {
                Console.WriteLine($"\n{set} {m.CaseId}: {m.User}\n  expected {m.Expected}\n  actual   {m.Actual}");
            }
        }

        var folder = Directory.CreateTempSubdirectory("actionlytics-bench-agent-");
        try
        {
            await using var provider = await BenchmarkServices.StartAsync(folder, cancellationToken);
            await using (var scope = provider.CreateAsyncScope())
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoCommunitySeeder>().SeedAsync(
                    new DemoCommunitySpec(memberCount, DemoCommunitySpec.DefaultMonths, DemoCommunitySpec.DefaultSeed, DateOnly.FromDateTime(DateTime.UtcNow)),
                    "demo", "Demo", replace: false, cancellationToken: cancellationToken);
                var demo = await scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityDirectory>().GetAsync("demo", cancellationToken);
                await scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityRoles>().GrantAsync(demo.Id, "bench", Core.Communities.CommunityRole.Manager, cancellationToken);
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo community: {seeded.Members:N0} members, {seeded.Events:N0} events."));
            }

            var turns = new List<double>();
            var direct = new List<double>();
            var byQuestion = Conversation.ToDictionary(q => q, _ => new List<double>(), StringComparer.Ordinal);
            for (var round = 0; round <= rounds; round++)
            {
                string? thread = null;
                foreach (var question in Conversation)
                {
                    await using var scope = provider.CreateAsyncScope();
                    var clock = Stopwatch.StartNew();
                    var result = await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync("demo", "bench", thread, question, cancellationToken);
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    thread = result.ThreadId;

                    // The reference: the analysis behind the question, called directly.
                    clock.Restart();
                    await scope.ServiceProvider.GetRequiredService<CommunityAnalytics>().ScoreAsync("demo", null, null, null, null, cancellationToken);
                    var reference = clock.Elapsed.TotalMilliseconds;
                    if (round > 0) // round 0 warms the index, the knowledge base and the JIT
                    {
                        turns.Add(elapsed);
                        direct.Add(reference);
                        byQuestion[question].Add(elapsed);
                    }
                }
            }
            turns.Sort();
            direct.Sort();
            double P(List<double> values, double q) => values[(int)Math.Min(values.Count - 1, values.Count * q)];
            Console.WriteLine();
            Console.WriteLine("| measure | p50 ms | p95 ms | turns |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| offline chat turn (plan, tools, answer, stored) | {P(turns, 0.5):F1} | {P(turns, 0.95):F1} | {turns.Count} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| reference: scoring every member, called directly | {P(direct, 0.5):F1} | {P(direct, 0.95):F1} | {direct.Count} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Turn p95 / direct scoring p95: {P(turns, 0.95) / P(direct, 0.95):F1}x"));
            // Where the tail comes from: each question's median and slowest turn.
            Console.WriteLine();
            Console.WriteLine("| question | p50 ms | max ms |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (question, times) in byQuestion.OrderByDescending(q => q.Value.Max()))
            {
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {question} | {P(times, 0.5):F1} | {times[^1]:F1} |"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
