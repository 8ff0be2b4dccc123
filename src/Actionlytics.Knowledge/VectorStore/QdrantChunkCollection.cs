using System.Linq.Expressions;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.VectorStore;

/// <summary>
/// Playbook chunks in a Qdrant collection, through Qdrant's REST API (the Qdrant.Client package is not available here):
/// collection creation with cosine distance and keyword payload indexes, batched upserts, filtered search, scroll, delete.
/// Point ids are UUIDs derived from the chunk keys; the key itself travels in the payload.
/// </summary>
public sealed class QdrantChunkCollection : VectorStoreCollection<string, ChunkRecord>
{
    private const int UpsertBatch = 256;
    private static readonly string[] IndexedFields = ["playbook_id", "needs", "channels", "profiles", "segments"];

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly string? _apiKey;
    private readonly int _dimensions;

    public QdrantChunkCollection(HttpClient http, Uri baseAddress, string? apiKey, string name, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = http;
        _baseAddress = new Uri(baseAddress.ToString().TrimEnd('/') + "/");
        _apiKey = apiKey;
        Name = name;
        _dimensions = dimensions;
    }

    public override string Name { get; }

    public override async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"collections/{Name}", null, cancellationToken, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        if (await CollectionExistsAsync(cancellationToken))
        {
            return;
        }
        (await SendAsync(HttpMethod.Put, $"collections/{Name}",
            new JsonObject { ["vectors"] = new JsonObject { ["size"] = _dimensions, ["distance"] = "Cosine" } }, cancellationToken)).Dispose();
        foreach (var field in IndexedFields)
        {
            (await SendAsync(HttpMethod.Put, $"collections/{Name}/index?wait=true",
                new JsonObject { ["field_name"] = field, ["field_schema"] = "keyword" }, cancellationToken)).Dispose();
        }
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, $"collections/{Name}", null, cancellationToken, allowNotFound: true)).Dispose();

    public override async Task<ChunkRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["ids"] = new JsonArray(PointId(key)), ["with_payload"] = true, ["with_vector"] = options?.IncludeVectors ?? false };
        using var response = await SendAsync(HttpMethod.Post, $"collections/{Name}/points", body, cancellationToken);
        var points = (await ResultAsync(response, cancellationToken)).AsArray();
        return points.Count == 0 ? null : FromPoint(points[0]!.AsObject());
    }

    public override async IAsyncEnumerable<ChunkRecord> GetAsync(
        Expression<Func<ChunkRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JsonNode? offset = null;
        var returned = 0;
        var skip = options?.Skip ?? 0;
        do
        {
            var body = new JsonObject
            {
                ["limit"] = 256,
                ["with_payload"] = true,
                ["with_vector"] = options?.IncludeVectors ?? false,
            };
            if (QdrantFilter.Translate(filter) is { } translated)
            {
                body["filter"] = translated;
            }
            if (offset is not null)
            {
                body["offset"] = offset.DeepClone();
            }
            using var response = await SendAsync(HttpMethod.Post, $"collections/{Name}/points/scroll", body, cancellationToken);
            var result = (await ResultAsync(response, cancellationToken)).AsObject();
            foreach (var point in result["points"]!.AsArray())
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                if (returned++ >= top)
                {
                    yield break;
                }
                yield return FromPoint(point!.AsObject());
            }
            offset = result["next_page_offset"];
        }
        while (offset is not null && offset.GetValueKind() != JsonValueKind.Null);
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => DeleteAsync([key], cancellationToken);

    public override async Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["points"] = new JsonArray([.. keys.Select(k => JsonValue.Create(PointId(k)))]) };
        (await SendAsync(HttpMethod.Post, $"collections/{Name}/points/delete?wait=true", body, cancellationToken)).Dispose();
    }

    public override Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    public override async Task UpsertAsync(IEnumerable<ChunkRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in records.Chunk(UpsertBatch))
        {
            var points = new JsonArray();
            foreach (var record in batch)
            {
                if (record.Embedding.Length != _dimensions)
                {
                    throw new VectorStoreException($"Chunk {record.Key} has a {record.Embedding.Length}-dimension vector; the collection holds {_dimensions}.") { CollectionName = Name };
                }
                points.Add(new JsonObject
                {
                    ["id"] = PointId(record.Key),
                    ["vector"] = new JsonArray([.. record.Embedding.ToArray().Select(v => JsonValue.Create(v))]),
                    ["payload"] = Payload(record),
                });
            }
            (await SendAsync(HttpMethod.Put, $"collections/{Name}/points?wait=true", new JsonObject { ["points"] = points }, cancellationToken)).Dispose();
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var vector = searchValue switch
        {
            ReadOnlyMemory<float> memory => memory.ToArray(),
            float[] array => array,
            Embedding<float> embedding => embedding.Vector.ToArray(),
            _ => throw new NotSupportedException($"Search Qdrant with a vector, not a {typeof(TInput).Name}."),
        };
        var body = new JsonObject
        {
            ["vector"] = new JsonArray([.. vector.Select(v => JsonValue.Create(v))]),
            ["limit"] = top,
            ["with_payload"] = true,
        };
        if (options?.Skip is > 0 and var skip)
        {
            body["offset"] = skip;
        }
        if (options?.ScoreThreshold is { } threshold)
        {
            body["score_threshold"] = threshold;
        }
        if (QdrantFilter.Translate(options?.Filter) is { } filter)
        {
            body["filter"] = filter;
        }
        using var response = await SendAsync(HttpMethod.Post, $"collections/{Name}/points/search", body, cancellationToken);
        foreach (var point in (await ResultAsync(response, cancellationToken)).AsArray())
        {
            yield return new VectorSearchResult<ChunkRecord>(FromPoint(point!.AsObject()), point!["score"]!.GetValue<double>());
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = "qdrant", CollectionName = Name }
        : serviceType?.IsInstanceOfType(this) == true ? this
        : null;

    /// <summary>The payload field a record property is stored as.</summary>
    public static string PayloadName(string property) => property switch
    {
        nameof(ChunkRecord.Key) => "key",
        nameof(ChunkRecord.PlaybookId) => "playbook_id",
        nameof(ChunkRecord.ContentHash) => "content_hash",
        nameof(ChunkRecord.EmbeddingModel) => "embedding_model",
        _ => property.ToLowerInvariant(),
    };

    /// <summary>A stable UUID for a chunk key (Qdrant point ids are integers or UUIDs).</summary>
    public static string PointId(string key) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();

    private static JsonObject Payload(ChunkRecord record) => new()
    {
        ["key"] = record.Key,
        ["playbook_id"] = record.PlaybookId,
        ["title"] = record.Title,
        ["section"] = record.Section,
        ["text"] = record.Text,
        ["needs"] = new JsonArray([.. record.Needs.Select(v => JsonValue.Create(v))]),
        ["channels"] = new JsonArray([.. record.Channels.Select(v => JsonValue.Create(v))]),
        ["profiles"] = new JsonArray([.. record.Profiles.Select(v => JsonValue.Create(v))]),
        ["segments"] = new JsonArray([.. record.Segments.Select(v => JsonValue.Create(v))]),
        ["content_hash"] = record.ContentHash,
        ["embedding_model"] = record.EmbeddingModel,
    };

    private static ChunkRecord FromPoint(JsonObject point)
    {
        var payload = point["payload"]!.AsObject();
        List<string> List(string name) => payload[name]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];
        var record = new ChunkRecord
        {
            Key = payload["key"]!.GetValue<string>(),
            PlaybookId = payload["playbook_id"]?.GetValue<string>() ?? "",
            Title = payload["title"]?.GetValue<string>() ?? "",
            Section = payload["section"]?.GetValue<string>() ?? "",
            Text = payload["text"]?.GetValue<string>() ?? "",
            Needs = List("needs"),
            Channels = List("channels"),
            Profiles = List("profiles"),
            Segments = List("segments"),
            ContentHash = payload["content_hash"]?.GetValue<string>() ?? "",
            EmbeddingModel = payload["embedding_model"]?.GetValue<string>() ?? "",
        };
        if (point["vector"] is JsonArray vector)
        {
            record.Embedding = vector.Select(v => v!.GetValue<float>()).ToArray();
        }
        return record;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        if (!string.IsNullOrEmpty(_apiKey))
        {
            request.Headers.Add("api-key", _apiKey);
        }
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new VectorStoreException($"Qdrant answered {(int)response.StatusCode} to {method} {path}: {text[..Math.Min(text.Length, 300)]}")
        {
            VectorStoreSystemName = "qdrant",
            CollectionName = Name,
            OperationName = $"{method} {path}",
        };
    }

    private static async Task<JsonNode> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return json["result"] ?? throw new VectorStoreException("Qdrant's answer has no 'result'.");
    }
}
