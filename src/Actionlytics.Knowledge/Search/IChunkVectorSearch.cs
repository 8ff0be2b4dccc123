using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Knowledge.Search;

/// <summary>Nearest chunks to a query by vector similarity, restricted by a filter: what a vector store offers the search.</summary>
public interface IChunkVectorSearch
{
    Task<IReadOnlyList<(string Key, double Similarity)>> NearestAsync(string query, SearchFilter filter, int top, CancellationToken cancellationToken);
}

/// <summary>The chunks a search ranks by keywords, in memory.</summary>
public interface IChunkSource
{
    IReadOnlyList<PlaybookChunk> Chunks { get; }
}
