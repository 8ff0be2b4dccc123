using System.Net;
using System.Text.Json.Nodes;
using Actionlytics.Knowledge.Search;
using Actionlytics.Knowledge.VectorStore;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.Tests;

/// <summary>The Qdrant adapter at the wire: the exact requests it sends, and responses shaped as Qdrant's REST API documents them.</summary>
public class QdrantChunkCollectionTests
{
    private const string Ok = """{"result":true,"status":"ok","time":0.001}""";

    private static (QdrantChunkCollection Collection, RecordingHandler Wire) Create(params (HttpStatusCode, string)[] responses)
    {
        var wire = new RecordingHandler(responses);
        return (new QdrantChunkCollection(new HttpClient(wire), new Uri("http://qdrant.test:6333"), "secret-key", "playbooks", 3), wire);
    }

    private static ChunkRecord Record(string key) => new()
    {
        Key = key,
        PlaybookId = key.Split('#')[0],
        Title = "Show progress",
        Section = "How to do it",
        Text = "Step one.",
        Needs = ["competence"],
        Channels = ["email"],
        Profiles = ["learner"],
        Segments = ["fading"],
        ContentHash = "abc",
        EmbeddingModel = "lexical",
        Embedding = new float[] { 0.5f, 0.25f, -1f },
    };

    [Fact]
    public async Task Creates_a_cosine_collection_with_keyword_payload_indexes_when_missing()
    {
        var (collection, wire) = Create(
            (HttpStatusCode.NotFound, """{"status":{"error":"Not found: Collection `playbooks` doesn't exist!"},"time":0.0}"""),
            (HttpStatusCode.OK, Ok), (HttpStatusCode.OK, Ok), (HttpStatusCode.OK, Ok), (HttpStatusCode.OK, Ok), (HttpStatusCode.OK, Ok), (HttpStatusCode.OK, Ok));

        await collection.EnsureCollectionExistsAsync();

        Assert.Equal(("GET", "/collections/playbooks"), (wire.Requests[0].Method, wire.Requests[0].PathAndQuery));
        Assert.Equal(("PUT", "/collections/playbooks"), (wire.Requests[1].Method, wire.Requests[1].PathAndQuery));
        Assert.Equal("""{"vectors":{"size":3,"distance":"Cosine"}}""", wire.Requests[1].Body);
        Assert.Equal(
            ["playbook_id", "needs", "channels", "profiles", "segments"],
            wire.Requests.Skip(2).Select(r => JsonNode.Parse(r.Body)!["field_name"]!.GetValue<string>()));
        Assert.All(wire.Requests.Skip(2), r => Assert.Equal("/collections/playbooks/index?wait=true", r.PathAndQuery));
        Assert.All(wire.Requests, r => Assert.Equal("secret-key", r.Headers["api-key"]));
    }

    [Fact]
    public async Task Upserts_points_with_a_stable_uuid_the_vector_and_the_payload()
    {
        var (collection, wire) = Create((HttpStatusCode.OK, """{"result":{"operation_id":1,"status":"completed"},"status":"ok","time":0.002}"""));

        await collection.UpsertAsync([Record("progress-recap#how-to-do-it")]);

        var request = wire.Requests.Single();
        Assert.Equal(("PUT", "/collections/playbooks/points?wait=true"), (request.Method, request.PathAndQuery));
        var point = JsonNode.Parse(request.Body)!["points"]![0]!;
        Assert.Equal(QdrantChunkCollection.PointId("progress-recap#how-to-do-it"), point["id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(point["id"]!.GetValue<string>(), out _));
        Assert.Equal([0.5f, 0.25f, -1f], point["vector"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal("progress-recap", point["payload"]!["playbook_id"]!.GetValue<string>());
        Assert.Equal("competence", point["payload"]!["needs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Searches_with_a_filter_translated_to_must_and_should_and_reads_scored_points()
    {
        var (collection, wire) = Create((HttpStatusCode.OK, """
            {"result":[
              {"id":"5c56c793-69f3-4fbf-87e6-c4bf54c28c26","version":3,"score":0.91,"payload":{"key":"a#why","playbook_id":"a","title":"A","section":"Why","text":"t","needs":["competence"],"channels":["email"],"profiles":["any"],"segments":["fading"],"content_hash":"h","embedding_model":"m"}},
              {"id":"b5d8e0f7-1c22-4c83-9b3c-2f1f2b4a5e6d","version":3,"score":0.42,"payload":{"key":"b#how","playbook_id":"b","title":"B","section":"How","text":"u","needs":["competence"],"channels":["email"],"profiles":["learner"],"segments":["any"],"content_hash":"h","embedding_model":"m"}}
            ],"status":"ok","time":0.001}
            """));
        var filter = CollectionVectorSearch.ToExpression(new SearchFilter(Need: "competence", Profile: "learner"));

        var results = new List<VectorSearchResult<ChunkRecord>>();
        await foreach (var result in collection.SearchAsync(new float[] { 1, 0, 0 }, 2, new VectorSearchOptions<ChunkRecord> { Filter = filter }))
        {
            results.Add(result);
        }

        var request = wire.Requests.Single();
        Assert.Equal(("POST", "/collections/playbooks/points/search"), (request.Method, request.PathAndQuery));
        Assert.Equal(
            """{"vector":[1,0,0],"limit":2,"with_payload":true,"filter":{"must":[{"key":"needs","match":{"value":"competence"}},{"should":[{"key":"profiles","match":{"value":"learner"}},{"key":"profiles","match":{"value":"any"}}]}]}}""",
            request.Body);
        Assert.Equal(["a#why", "b#how"], results.Select(r => r.Record.Key));
        Assert.Equal([0.91, 0.42], results.Select(r => r.Score!.Value));
        Assert.Equal(["learner"], results[1].Record.Profiles);
    }

    [Fact]
    public async Task Scrolls_through_every_page_of_a_filtered_get()
    {
        var (collection, wire) = Create(
            (HttpStatusCode.OK, """{"result":{"points":[{"id":"00000000-0000-0000-0000-000000000001","payload":{"key":"a#1"}}],"next_page_offset":"00000000-0000-0000-0000-000000000002"},"status":"ok","time":0}"""),
            (HttpStatusCode.OK, """{"result":{"points":[{"id":"00000000-0000-0000-0000-000000000002","payload":{"key":"a#2"}}],"next_page_offset":null},"status":"ok","time":0}"""));

        var keys = new List<string>();
        await foreach (var record in collection.GetAsync(r => true, 100))
        {
            keys.Add(record.Key);
        }

        Assert.Equal(["a#1", "a#2"], keys);
        Assert.Equal("""{"limit":256,"with_payload":true,"with_vector":false}""", wire.Requests[0].Body);
        Assert.Equal("""{"limit":256,"with_payload":true,"with_vector":false,"offset":"00000000-0000-0000-0000-000000000002"}""", wire.Requests[1].Body);
    }

    [Fact]
    public async Task Deletes_points_by_their_uuid()
    {
        var (collection, wire) = Create((HttpStatusCode.OK, """{"result":{"operation_id":2,"status":"completed"},"status":"ok","time":0}"""));

        await collection.DeleteAsync(["gone#why"]);

        Assert.Equal(("POST", "/collections/playbooks/points/delete?wait=true"), (wire.Requests[0].Method, wire.Requests[0].PathAndQuery));
        Assert.Equal($$"""{"points":["{{QdrantChunkCollection.PointId("gone#why")}}"]}""", wire.Requests[0].Body);
    }

    [Fact]
    public async Task Reports_a_Qdrant_error_with_its_status_and_message()
    {
        var (collection, _) = Create((HttpStatusCode.BadRequest, """{"status":{"error":"Wrong input: Vector dimension error: expected dim: 3, got 2"},"time":0}"""));

        var error = await Assert.ThrowsAsync<VectorStoreException>(async () =>
        {
            await foreach (var _ in collection.SearchAsync(new float[] { 1, 0 }, 1))
            {
            }
        });

        Assert.Contains("400", error.Message);
        Assert.Contains("Vector dimension error", error.Message);
    }

    [Fact]
    public void Refuses_a_filter_it_cannot_translate_instead_of_ignoring_it()
    {
        Assert.Throws<NotSupportedException>(() => QdrantFilter.Translate(r => r.Title.StartsWith('A')));
    }
}
