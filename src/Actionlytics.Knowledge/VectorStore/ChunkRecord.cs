using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.VectorStore;

/// <summary>A playbook chunk as vector stores keep it: its citation data, filterable metadata and embedding.</summary>
public sealed class ChunkRecord
{
    [VectorStoreKey]
    public string Key { get; set; } = "";

    [VectorStoreData(IsIndexed = true)]
    public string PlaybookId { get; set; } = "";

    [VectorStoreData]
    public string Title { get; set; } = "";

    [VectorStoreData]
    public string Section { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Text { get; set; } = "";

    [VectorStoreData(IsIndexed = true)]
    public List<string> Needs { get; set; } = [];

    [VectorStoreData(IsIndexed = true)]
    public List<string> Channels { get; set; } = [];

    [VectorStoreData(IsIndexed = true)]
    public List<string> Profiles { get; set; } = [];

    [VectorStoreData(IsIndexed = true)]
    public List<string> Segments { get; set; } = [];

    /// <summary>Hash of the chunk's content: unchanged chunks are not embedded again.</summary>
    [VectorStoreData]
    public string ContentHash { get; set; } = "";

    /// <summary>Which embedding model made <see cref="Embedding"/>: vectors of different models are not comparable.</summary>
    [VectorStoreData]
    public string EmbeddingModel { get; set; } = "";

    [VectorStoreVector(LexicalDimensions, DistanceFunction = DistanceFunction.CosineSimilarity, IndexKind = IndexKind.Flat)]
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<float> Embedding { get; set; }

    /// <summary>The dimensions of the embedded default (see <see cref="Embeddings.LexicalEmbeddingModel"/>); other models set their own.</summary>
    public const int LexicalDimensions = Embeddings.LexicalEmbeddingModel.DefaultDimensions;
}
