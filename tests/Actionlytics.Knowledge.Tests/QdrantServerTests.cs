using Actionlytics.Knowledge.Search;
using Actionlytics.Knowledge.VectorStore;

namespace Actionlytics.Knowledge.Tests;

/// <summary>Against a real Qdrant server when QDRANT_URL names one (none runs on this machine; CI without it checks the wire tests above).</summary>
public class QdrantServerTests
{
    [SkippableFact]
    public async Task Stores_and_finds_chunks_on_a_real_server_when_one_is_configured()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        Skip.If(string.IsNullOrEmpty(url), "QDRANT_URL is not set: no Qdrant server to talk to (the wire-level tests cover the protocol).");
        var collection = new QdrantChunkCollection(new HttpClient(), new Uri(url!), Environment.GetEnvironmentVariable("QDRANT_API_KEY"), $"test_{Guid.NewGuid():N}", 3);
        try
        {
            await collection.EnsureCollectionExistsAsync();
            await collection.UpsertAsync([
                new ChunkRecord { Key = "a#x", PlaybookId = "a", Needs = ["competence"], Profiles = ["any"], Segments = ["any"], Channels = ["email"], Embedding = new float[] { 1, 0, 0 } },
                new ChunkRecord { Key = "b#x", PlaybookId = "b", Needs = ["autonomy"], Profiles = ["any"], Segments = ["any"], Channels = ["email"], Embedding = new float[] { 0.9f, 0.1f, 0 } },
            ]);
            var hits = new List<string>();
            await foreach (var hit in collection.SearchAsync(new float[] { 1, 0, 0 }, 5, new() { Filter = CollectionVectorSearch.ToExpression(new SearchFilter(Need: "autonomy")) }))
            {
                hits.Add(hit.Record.Key);
            }
            Assert.Equal(["b#x"], hits);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync();
        }
    }
}
