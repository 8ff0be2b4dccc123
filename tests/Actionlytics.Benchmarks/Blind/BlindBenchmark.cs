using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Actionlytics.Tests.Tools;
using Actionlytics.Tests.Tools.Blind;

namespace Actionlytics.Benchmarks.Blind;

/// <summary>
/// Every blind set, asked again: each set's raw file imported into a fresh SQLite store, each question asked as a chat
/// turn (follow-ups in their conversation), each answer graded against the figures SQL gave, and the count of right
/// answers, honest refusals and confident wrong answers printed per set and language. A set's first measurement (read
/// by hand) is in docs/agent.md; this run shows whether what passed then still passes.
/// </summary>
internal static class BlindBenchmark
{
    public static Command Command()
    {
        var only = new Option<string?>("--set") { Description = "Only the sets whose folder name contains this text." };
        var answers = new Option<DirectoryInfo?>("--answers") { Description = "Write each set's answers and grades to SET.json in this folder." };
        var misses = new Option<bool>("--misses") { Description = "Also list every answer not graded right." };
        var command = new Command("blind", "Right, honest refusal and confident wrong answers on every blind set, per set and language.") { only, answers, misses };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(only), parse.GetValue(answers), parse.GetValue(misses), cancellationToken));
        return command;
    }

    private static async Task RunAsync(string? only, DirectoryInfo? answersFolder, bool listMisses, CancellationToken cancellationToken)
    {
        var repository = RepositoryRoot.Find();
        var sets = BlindSet.All(repository).Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        answersFolder?.Create();

        var folder = Directory.CreateTempSubdirectory("actionlytics-bench-blind-");
        try
        {
            await using var provider = await BenchmarkServices.StartAsync(folder, cancellationToken);

            Console.WriteLine("| blind set | language | questions | right | honest refusal | confident wrong |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            var total = new Dictionary<string, int[]>(StringComparer.Ordinal);
            var missed = new List<string>();
            foreach (var (set, index) in sets.Select((s, i) => (s, i)))
            {
                var name = set.Name;
                if (set.DataFolder is null)
                {
                    Console.WriteLine($"| {name} | (its data is not on this machine) | | | | |");
                    continue;
                }
                var results = await BlindRunner.AskAsync(provider, set, $"set{index}", cancellationToken);
                foreach (var language in results.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var counts = Enum.GetValues<BlindGrade>().Select(g => language.Count(r => r.Grade == g)).ToArray();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {language.Key} | {language.Count()} | {counts[0]} | {counts[1]} | {counts[2]} |"));
                    var sum = total.TryGetValue(language.Key, out var s) ? s : total[language.Key] = new int[4];
                    sum[0] += language.Count();
                    for (var g = 0; g < 3; g++)
                    {
                        sum[g + 1] += counts[g];
                    }
                }
                missed.AddRange(results.Where(r => r.Grade != BlindGrade.Right).Select(r => $"\n{name} {r.Id} ({r.Grade}): {r.Question}\n  calls    {string.Join("; ", r.Calls)}\n  answer   {r.Answer.Split('\n')[0]}"));
                if (answersFolder is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(answersFolder.FullName, name + ".json"),
                        JsonSerializer.Serialize(results, AnswersJson), cancellationToken);
                }
            }
            foreach (var (language, sum) in total.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all sets | {language} | {sum[0]} | {sum[1]} | {sum[2]} | {sum[3]} |"));
            }
            Console.WriteLine("\nGraded automatically (a tie at a top list's cut or a coincidental figure can fool it); first measurements, read by hand, are in docs/agent.md.");
            if (listMisses)
            {
                missed.ForEach(Console.WriteLine);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
