using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Playbooks;
using Actionlytics.Knowledge.Search;

namespace Actionlytics.Benchmarks;

/// <summary>
/// Retrieval quality of keyword, vector and hybrid ranking on the labelled manager questions, side by side, and the
/// latency of a hybrid search over a corpus grown to the asked number of chunks (copies of the playbooks).
/// </summary>
internal static class KnowledgeBenchmark
{
    public static Command Command()
    {
        var chunks = new Option<int>("--chunks") { Description = "Chunks in the corpus for the latency measure.", DefaultValueFactory = _ => 10_000 };
        var misses = new Option<bool>("--misses") { Description = "List, per question, the relevant playbooks hybrid ranking leaves out of the first five." };
        var lexicalOnly = new Option<bool>("--lexical-only") { Description = "Measure the embedded default only (skips the sentence transformer)." };
        var command = new Command("knowledge", "Retrieval quality (recall@5, MRR, nDCG@10) and search latency.") { chunks, misses, lexicalOnly };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse.GetValue(chunks), parse.GetValue(misses), parse.GetValue(lexicalOnly) ? Models[..1] : Models, cancellationToken));
        return command;
    }

    /// <summary>The embedded default (lexical) and the sentence transformer shipped in the build.</summary>
    private static readonly (string Name, Action<KnowledgeOptions.EmbeddingOptions> Configure)[] Models =
    [
        ("lexical (default)", _ => { }),
        ("local minilm", e => { e.Provider = EmbeddingProvider.Local; e.Model = "minilm"; }),
    ];

    private static KnowledgeOptions Options(string folder, Action<KnowledgeOptions.EmbeddingOptions> configure, string? playbooks = null)
    {
        var options = new KnowledgeOptions { DataFolder = folder, PlaybookFolder = playbooks };
        configure(options.Embeddings);
        return options;
    }

    private static async Task PrintQualityAsync(PlaybookKnowledge knowledge, string title, IReadOnlyList<LabelledQuery> queries, bool misses, CancellationToken cancellationToken)
    {
        if (misses)
        {
            await PrintMissesAsync(knowledge, queries, cancellationToken);
        }
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine("| ranking | recall@5 | MRR | nDCG@10 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var q in await RetrievalEvaluation.MeasureAsync(knowledge, queries, cancellationToken))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {q.Mode} | {q.RecallAt5:F3} | {q.Mrr:F3} | {q.NdcgAt10:F3} |"));
        }
    }

    private static async Task PrintMissesAsync(PlaybookKnowledge knowledge, IReadOnlyList<LabelledQuery> queries, CancellationToken cancellationToken)
    {
        foreach (var labelled in queries)
        {
            var top = (await knowledge.SearchAsync(labelled.Query, SearchFilter.None, 10, RankingMode.Hybrid, cancellationToken)).Select(h => h.PlaybookId).ToList();
            var missing = labelled.Relevant.Where(r => !top.Take(5).Contains(r)).ToList();
            if (missing.Count > 0)
            {
                Console.WriteLine($"MISS \"{labelled.Query}\"");
                Console.WriteLine($"  missing: {string.Join(", ", missing.Select(m => $"{m} (rank {(top.IndexOf(m) is var i and >= 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : ">10")})"))}");
                Console.WriteLine($"  top 5:   {string.Join(", ", top.Take(5))}");
            }
        }
    }

    private static async Task RunAsync(int chunkTarget, bool misses, (string Name, Action<KnowledgeOptions.EmbeddingOptions> Configure)[] models, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-bench-knowledge-");
        try
        {
            var playbookFolder = PlaybookLibrary.DefaultFolder();
            var testsFolder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(playbookFolder))!, "tests", "Actionlytics.Knowledge.Tests");
            var queries = RetrievalEvaluation.Load(Path.Combine(testsFolder, "RetrievalSet"));
            var heldOut = RetrievalEvaluation.Load(Path.Combine(testsFolder, "HeldOutSet"));
            foreach (var (name, configure) in models)
            {
                using var knowledge = KnowledgeFactory.Create(Options(Path.Combine(folder.FullName, "quality-" + name.Split(' ')[^1]), configure));
                await knowledge.IndexAsync(cancellationToken);
                await PrintQualityAsync(knowledge, $"Embeddings {name}: labelled set, {queries.Count} questions, {knowledge.Library.Playbooks.Count} playbooks", queries, misses, cancellationToken);
                await PrintQualityAsync(knowledge, $"Embeddings {name}: held-out set, {heldOut.Count} questions written apart from the search code, never tuned on", heldOut, misses, cancellationToken);
            }

            // A corpus of the asked size: the playbooks copied under new ids.
            var corpus = Directory.CreateDirectory(Path.Combine(folder.FullName, "corpus"));
            var library = PlaybookLibrary.Load(playbookFolder);
            var perCopy = library.Playbooks.Sum(p => p.Sections.Count);
            var copies = Math.Max(1, (int)Math.Ceiling((double)chunkTarget / perCopy));
            foreach (var playbook in library.Playbooks)
            {
                var text = File.ReadAllText(playbook.SourcePath);
                for (var copy = 0; copy < copies; copy++)
                {
                    var id = copy == 0 ? playbook.Id : $"{playbook.Id}-copy{copy}";
                    File.WriteAllText(Path.Combine(corpus.FullName, id + ".md"), text.Replace($"id: {playbook.Id}\n", $"id: {id}\n", StringComparison.Ordinal));
                }
            }
            foreach (var (name, configure) in models)
            {
            using var large = KnowledgeFactory.Create(Options(Path.Combine(folder.FullName, "large-" + name.Split(' ')[^1]), configure, corpus.FullName));
            var indexing = Stopwatch.StartNew();
            var report = await large.IndexAsync(cancellationToken);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Embeddings {name}: indexed {report.Chunks:N0} chunks in {indexing.Elapsed.TotalSeconds:F1} s"));

            foreach (var mode in new[] { RankingMode.Keyword, RankingMode.Vector, RankingMode.Hybrid })
            {
                for (var warm = 0; warm < 3; warm++)
                {
                    await large.SearchAsync(queries[warm % queries.Count].Query, SearchFilter.None, 5, mode, cancellationToken);
                }
                var times = new List<double>();
                for (var round = 0; round < 3; round++)
                {
                    foreach (var query in queries)
                    {
                        var clock = Stopwatch.StartNew();
                        await large.SearchAsync(query.Query, SearchFilter.None, 5, mode, cancellationToken);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mode} search over {report.Chunks:N0} chunks, query embedding included: p50 {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms ({times.Count} searches)"));
            }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
