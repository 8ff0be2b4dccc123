using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Actionlytics.Knowledge.Embeddings;

/// <summary>
/// Embeddings from any server speaking OpenAI's <c>POST /embeddings</c> (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM,
/// LM Studio): <c>{"model", "input": [...]}</c> in, <c>{"data": [{"index", "embedding"}]}</c> out.
/// </summary>
public sealed class OpenAICompatibleEmbeddingGenerator(HttpClient http, Uri endpoint, string model, string? apiKey)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int BatchSize = 64;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = new List<Embedding<float>>();
        foreach (var batch in values.Chunk(BatchSize))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.ToString().TrimEnd('/') + "/embeddings"))
            {
                Content = JsonContent.Create(new JsonObject { ["model"] = model, ["input"] = new JsonArray([.. batch.Select(v => JsonValue.Create(v))]) }),
            };
            if (!string.IsNullOrEmpty(apiKey))
            {
                // Azure OpenAI takes its keys in api-key; every other server in Authorization.
                if (endpoint.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.Add("api-key", apiKey);
                }
                else
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                }
            }
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The embedding server answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
            }
            using var json = JsonDocument.Parse(body);
            var data = json.RootElement.GetProperty("data").EnumerateArray()
                .OrderBy(item => item.TryGetProperty("index", out var index) ? index.GetInt32() : 0)
                .Select(item => new Embedding<float>(item.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()) { ModelId = model })
                .ToList();
            if (data.Count != batch.Length)
            {
                throw new HttpRequestException($"The embedding server returned {data.Count} embeddings for {batch.Length} inputs.");
            }
            all.AddRange(data);
        }
        return new GeneratedEmbeddings<Embedding<float>>(all);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai-compatible", endpoint, model)
        : null;

    public void Dispose()
    {
    }
}
