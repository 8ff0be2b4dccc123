using System.Linq.Expressions;
using Actionlytics.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.VectorStore;

/// <summary>Vector search through any <see cref="VectorStoreCollection{TKey, TRecord}"/> of chunks, the query embedded by the configured generator.</summary>
public sealed class CollectionVectorSearch(VectorStoreCollection<string, ChunkRecord> collection, IEmbeddingGenerator<string, Embedding<float>> embeddings)
    : IChunkVectorSearch
{
    private static readonly EmbeddingGenerationOptions QueryOptions = new()
    {
        AdditionalProperties = new AdditionalPropertiesDictionary { [Embeddings.LexicalEmbeddingGenerator.QueryOption] = true },
    };

    public async Task<IReadOnlyList<(string Key, double Similarity)>> NearestAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var vector = (await embeddings.GenerateAsync([query], QueryOptions, cancellationToken))[0].Vector;
        var options = new VectorSearchOptions<ChunkRecord> { Filter = ToExpression(filter) };
        var results = new List<(string, double)>();
        await foreach (var result in collection.SearchAsync(vector, top, options, cancellationToken))
        {
            results.Add((result.Record.Key, result.Score ?? 0));
        }
        return results;
    }

    /// <summary>The filter as the expression vector stores translate (Qdrant into its filter syntax, SQLite by compiling it).</summary>
    public static Expression<Func<ChunkRecord, bool>>? ToExpression(SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Expression<Func<ChunkRecord, bool>>? result = null;
        void And(Expression<Func<ChunkRecord, bool>> next) => result = result is null
            ? next
            : Expression.Lambda<Func<ChunkRecord, bool>>(Expression.AndAlso(result.Body, Expression.Invoke(next, result.Parameters[0])), result.Parameters);

        if (filter.Need is { } need)
        {
            And(r => r.Needs.Contains(need));
        }
        if (filter.Channel is { } channel)
        {
            And(r => r.Channels.Contains(channel));
        }
        if (filter.Profile is { } profile)
        {
            And(r => r.Profiles.Contains(profile) || r.Profiles.Contains("any"));
        }
        if (filter.Segment is { } segment)
        {
            And(r => r.Segments.Contains(segment) || r.Segments.Contains("any"));
        }
        return result;
    }
}
