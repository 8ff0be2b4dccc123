using Actionlytics.Knowledge.Embeddings;
using Actionlytics.Knowledge.Playbooks;
using Actionlytics.Knowledge.Search;
using Actionlytics.Knowledge.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge;

/// <summary>
/// The knowledge base: loads the playbooks, keeps their vectors in the configured store up to date (only what changed
/// is embedded again), and answers searches with citations.
/// </summary>
public sealed class PlaybookKnowledge(
    PlaybookLibrary library,
    TextAnalyzer analyzer,
    VectorStoreCollection<string, ChunkRecord> collection,
    IEmbeddingGenerator<string, Embedding<float>> embeddings) : IDisposable
{
    private readonly SemaphoreSlim _indexing = new(1, 1);
    private PlaybookSearch? _search;

    public PlaybookLibrary Library => library;

    /// <summary>What an indexing did.</summary>
    public sealed record IndexReport(int Playbooks, int Chunks, int Embedded, int Unchanged, int Removed, string EmbeddingModel);

    /// <summary>Brings the store in line with the playbooks: new and changed chunks embedded and upserted, removed ones deleted.</summary>
    public async Task<IndexReport> IndexAsync(CancellationToken cancellationToken = default)
    {
        await _indexing.WaitAsync(cancellationToken);
        try
        {
            return await Unavailable.Guard(() => IndexLockedAsync(cancellationToken));
        }
        finally
        {
            _indexing.Release();
        }
    }

    private async Task<IndexReport> IndexLockedAsync(CancellationToken cancellationToken)
    {
        {
            var chunks = library.Playbooks.SelectMany(PlaybookChunk.From).ToList();
            var model = ModelName();
            await collection.EnsureCollectionExistsAsync(cancellationToken);
            var stored = new Dictionary<string, ChunkRecord>(StringComparer.Ordinal);
            await foreach (var record in collection.GetAsync(_ => true, int.MaxValue, cancellationToken: cancellationToken))
            {
                stored[record.Key] = record;
            }

            var changed = chunks.Where(c => !stored.TryGetValue(c.Key, out var s) || s.ContentHash != c.ContentHash || s.EmbeddingModel != model).ToList();
            if (changed.Count > 0)
            {
                var vectors = await embeddings.GenerateAsync(changed.Select(c => c.SearchText), cancellationToken: cancellationToken);
                await collection.UpsertAsync(changed.Select((c, i) => Record(c, vectors[i].Vector, model)), cancellationToken);
            }
            var current = chunks.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            var removed = stored.Keys.Where(k => !current.Contains(k)).ToList();
            if (removed.Count > 0)
            {
                await collection.DeleteAsync(removed, cancellationToken);
            }
            _search = null;
            return new IndexReport(library.Playbooks.Count, chunks.Count, changed.Count, chunks.Count - changed.Count, removed.Count, model);
        }
    }

    /// <summary>Searches the playbooks; indexes them first if the store has never been filled.</summary>
    public async Task<IReadOnlyList<PlaybookHit>> SearchAsync(
        string query, SearchFilter filter, int top = 5, RankingMode mode = RankingMode.Hybrid, CancellationToken cancellationToken = default)
    {
        if (_search is null)
        {
            if (!await Unavailable.Guard(() => collection.CollectionExistsAsync(cancellationToken)))
            {
                await IndexAsync(cancellationToken);
            }
            _search = new PlaybookSearch(library.Playbooks.SelectMany(PlaybookChunk.From).ToList(), analyzer, new CollectionVectorSearch(collection, embeddings));
        }
        return await Unavailable.Guard(() => _search.SearchAsync(query, filter, top, mode, cancellationToken));
    }

    public void Dispose() => _indexing.Dispose();

    private string ModelName() =>
        embeddings.GetService(typeof(EmbeddingGeneratorMetadata)) is EmbeddingGeneratorMetadata metadata
            ? $"{metadata.ProviderName}/{metadata.DefaultModelId}" + (embeddings is LexicalEmbeddingGenerator lexical ? "/" + lexical.Model.Fingerprint : "")
            : embeddings.GetType().Name;

    private static ChunkRecord Record(PlaybookChunk chunk, ReadOnlyMemory<float> vector, string model) => new()
    {
        Key = chunk.Key,
        PlaybookId = chunk.PlaybookId,
        Title = chunk.Title,
        Section = chunk.Section,
        Text = chunk.Text,
        Needs = [.. chunk.Needs],
        Channels = [.. chunk.Channels],
        Profiles = [.. chunk.Profiles],
        Segments = [.. chunk.Segments],
        ContentHash = chunk.ContentHash,
        EmbeddingModel = model,
        Embedding = vector,
    };
}
