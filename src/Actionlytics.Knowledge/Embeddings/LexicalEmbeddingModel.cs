using System.Text;
using Actionlytics.Knowledge.Search;

namespace Actionlytics.Knowledge.Embeddings;

/// <summary>
/// A local embedding that needs no model download: hashed features (word stems, stem pairs, character 4-grams of stems)
/// weighted by inverse document frequencies fitted on the corpus, with signed hashing to cancel collisions, L2-normalised.
/// Deterministic: the same model and text always give the same vector.
/// </summary>
public sealed class LexicalEmbeddingModel
{
    public const int DefaultDimensions = 2048;

    private const float StemWeight = 1.0f;
    private const float PairWeight = 0.5f;
    private const float GramWeight = 0.25f;

    private readonly float[] _idf;
    private readonly TextAnalyzer _analyzer;

    private LexicalEmbeddingModel(float[] idf, TextAnalyzer analyzer)
    {
        _idf = idf;
        _analyzer = analyzer;
    }

    public int Dimensions => _idf.Length;

    /// <summary>Identifies the fitted weights: vectors made by models with different fingerprints are not comparable.</summary>
    public string Fingerprint
    {
        get
        {
            var bytes = new byte[_idf.Length * sizeof(float)];
            Buffer.BlockCopy(_idf, 0, bytes, 0, bytes.Length);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
        }
    }

    /// <summary>Fits the inverse document frequencies on <paramref name="documents"/>.</summary>
    public static LexicalEmbeddingModel Fit(IEnumerable<string> documents, TextAnalyzer analyzer, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(analyzer);
        var frequency = new int[dimensions];
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            var seen = new HashSet<int>();
            foreach (var (bucket, _, _) in Features(analyzer.Terms(document), dimensions))
            {
                if (seen.Add(bucket))
                {
                    frequency[bucket]++;
                }
            }
        }
        var idf = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            idf[i] = (float)Math.Log((1.0 + count) / (1.0 + frequency[i])) + 1f;
        }
        return new LexicalEmbeddingModel(idf, analyzer);
    }

    /// <summary>Restores a model saved with <see cref="Save"/>.</summary>
    public static LexicalEmbeddingModel Load(byte[] saved, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var idf = new float[saved.Length / sizeof(float)];
        Buffer.BlockCopy(saved, 0, idf, 0, saved.Length);
        return new LexicalEmbeddingModel(idf, analyzer);
    }

    public byte[] Save()
    {
        var bytes = new byte[_idf.Length * sizeof(float)];
        Buffer.BlockCopy(_idf, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>The vector of a document (queries use <see cref="EmbedQuery"/>, which expands the vocabulary).</summary>
    public float[] Embed(string text) => Embed(_analyzer.Terms(text));

    public float[] EmbedQuery(string text) => Embed(_analyzer.QueryTerms(text));

    private float[] Embed(List<string> terms)
    {
        var vector = new float[_idf.Length];
        foreach (var (bucket, sign, weight) in Features(terms, _idf.Length))
        {
            vector[bucket] += sign * weight * _idf[bucket];
        }
        var norm = 0.0;
        foreach (var value in vector)
        {
            norm += value * value;
        }
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    private static IEnumerable<(int Bucket, float Sign, float Weight)> Features(List<string> terms, int dimensions)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            yield return Hash("w:" + terms[i], dimensions, StemWeight);
            if (i + 1 < terms.Count)
            {
                yield return Hash("p:" + terms[i] + " " + terms[i + 1], dimensions, PairWeight);
            }
            var padded = "<" + terms[i] + ">";
            for (var g = 0; g + 4 <= padded.Length; g++)
            {
                yield return Hash(string.Concat("g:", padded.AsSpan(g, 4)), dimensions, GramWeight);
            }
        }
    }

    /// <summary>FNV-1a: stable across processes and machines (string.GetHashCode is not).</summary>
    private static (int Bucket, float Sign, float Weight) Hash(string feature, int dimensions, float weight)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(feature))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return ((int)(hash % (uint)dimensions), (hash & 0x80000000u) == 0 ? 1f : -1f, weight);
    }
}
