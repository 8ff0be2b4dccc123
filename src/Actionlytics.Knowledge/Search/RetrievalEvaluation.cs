using System.Text.Json;

namespace Actionlytics.Knowledge.Search;

/// <summary>A manager's question and the playbooks that truly answer it, most relevant first.</summary>
public sealed record LabelledQuery(string Query, IReadOnlyList<string> Relevant);

/// <summary>Quality of one ranking over a labelled set: mean recall@5, MRR and nDCG@10.</summary>
public sealed record RetrievalQuality(RankingMode Mode, int Queries, double RecallAt5, double Mrr, double NdcgAt10);

/// <summary>Measures keyword, vector and hybrid ranking on the same labelled queries.</summary>
public static class RetrievalEvaluation
{
    public static async Task<IReadOnlyList<RetrievalQuality>> MeasureAsync(PlaybookKnowledge knowledge, IReadOnlyList<LabelledQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(queries);
        var results = new List<RetrievalQuality>();
        foreach (var mode in new[] { RankingMode.Keyword, RankingMode.Vector, RankingMode.Hybrid })
        {
            double recall = 0, mrr = 0, ndcg = 0;
            foreach (var labelled in queries)
            {
                var ranked = (await knowledge.SearchAsync(labelled.Query, SearchFilter.None, 10, mode, cancellationToken)).Select(h => h.PlaybookId).ToList();
                recall += RetrievalMetrics.RecallAt(ranked, labelled.Relevant.ToList(), 5);
                mrr += RetrievalMetrics.ReciprocalRank(ranked, labelled.Relevant.ToList());
                ndcg += RetrievalMetrics.NdcgAt(ranked, labelled.Relevant, 10);
            }
            results.Add(new RetrievalQuality(mode, queries.Count, recall / queries.Count, mrr / queries.Count, ndcg / queries.Count));
        }
        return results;
    }

    /// <summary>Reads every <c>*.json</c> file of a folder: arrays of <c>{"query", "relevant": [...]}</c>.</summary>
    public static IReadOnlyList<LabelledQuery> Load(string folder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => JsonSerializer.Deserialize<List<LabelledQuery>>(File.ReadAllText(file), options) ?? [])
            .ToList();
    }
}
