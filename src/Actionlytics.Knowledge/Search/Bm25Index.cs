namespace Actionlytics.Knowledge.Search;

/// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) over a set of documents, in memory.</summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, List<(int Document, int Frequency)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _lengths = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            _lengths[d] = documents[d].Count;
            foreach (var group in documents[d].GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = [];
                }
                list.Add((d, group.Count()));
            }
        }
        _averageLength = _lengths.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public int Count => _lengths.Length;

    /// <summary>Documents holding <paramref name="term"/>.</summary>
    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var postings) ? postings.Count : 0;

    /// <summary>Inverse document frequency of <paramref name="term"/>, as the scores use it.</summary>
    public double Idf(string term)
    {
        var frequency = DocumentFrequency(term);
        return Math.Log(1 + ((_lengths.Length - frequency + 0.5) / (frequency + 0.5)));
    }

    /// <summary>Scores of every document with at least one query term (others score 0).</summary>
    public double[] Score(IReadOnlyList<string> queryTerms)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        var scores = new double[_lengths.Length];
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            Add(scores, term, 1);
        }
        return scores;
    }

    /// <summary>Adds <paramref name="term"/>'s BM25 contribution, times <paramref name="weight"/>, to every document's score.</summary>
    public void Add(double[] scores, string term, double weight)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!_postings.TryGetValue(term, out var postings))
        {
            return;
        }
        var idf = weight * Math.Log(1 + ((_lengths.Length - postings.Count + 0.5) / (postings.Count + 0.5)));
        foreach (var (document, frequency) in postings)
        {
            var norm = K1 * (1 - B + (B * _lengths[document] / _averageLength));
            scores[document] += idf * frequency * (K1 + 1) / (frequency + norm);
        }
    }
}
