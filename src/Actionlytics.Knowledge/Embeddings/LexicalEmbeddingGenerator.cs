using Microsoft.Extensions.AI;

namespace Actionlytics.Knowledge.Embeddings;

/// <summary>The <see cref="LexicalEmbeddingModel"/> behind the standard <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> interface.</summary>
public sealed class LexicalEmbeddingGenerator(LexicalEmbeddingModel model) : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Set on a request to embed a query (expanded vocabulary) rather than a document.</summary>
    public const string QueryOption = "actionlytics.query";

    public LexicalEmbeddingModel Model => model;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var isQuery = options?.AdditionalProperties?.ContainsKey(QueryOption) == true;
        var embeddings = values.Select(value => new Embedding<float>(isQuery ? model.EmbedQuery(value) : model.Embed(value))
        {
            ModelId = "actionlytics-lexical-" + model.Fingerprint,
        });
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings.ToList()));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("actionlytics-lexical", null, "actionlytics-lexical", model.Dimensions)
        : null;

    public void Dispose()
    {
    }
}
