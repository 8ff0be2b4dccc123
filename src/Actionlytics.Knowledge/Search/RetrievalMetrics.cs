namespace Actionlytics.Knowledge.Search;

/// <summary>The usual retrieval quality measures over ranked playbook ids and the set of relevant ones.</summary>
public static class RetrievalMetrics
{
    /// <summary>Share of the relevant items found in the first <paramref name="k"/>.</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        return relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.Contains) / relevant.Count;
    }

    /// <summary>1 / rank of the first relevant item (0 when none is found).</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /// <summary>Normalised discounted cumulative gain at <paramref name="k"/>, with graded relevance (the first listed relevant item counts most).</summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlyList<string> relevantInOrder, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevantInOrder);
        double Gain(string id)
        {
            var position = relevantInOrder.ToList().IndexOf(id);
            return position < 0 ? 0 : relevantInOrder.Count - position;
        }
        var dcg = ranked.Take(k).Select((id, i) => Gain(id) / Math.Log2(i + 2)).Sum();
        var ideal = relevantInOrder.Take(k).Select((id, i) => Gain(id) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
