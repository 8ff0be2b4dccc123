using System.Net;
using System.Text.Json.Nodes;
using Actionlytics.Knowledge.Embeddings;
using Actionlytics.Knowledge.Search;
using Microsoft.Extensions.AI;

namespace Actionlytics.Knowledge.Tests;

public class EmbeddingTests
{
    [Fact]
    public async Task Calls_an_OpenAI_compatible_server_and_reads_embeddings_in_input_order()
    {
        var wire = new RecordingHandler((HttpStatusCode.OK, """
            {"object":"list","data":[{"object":"embedding","index":1,"embedding":[0.0,1.0]},{"object":"embedding","index":0,"embedding":[1.0,0.0]}],
             "model":"text-embedding-3-small","usage":{"prompt_tokens":4,"total_tokens":4}}
            """));
        var generator = new OpenAICompatibleEmbeddingGenerator(new HttpClient(wire), new Uri("http://localhost:11434/v1"), "text-embedding-3-small", "sk-test");

        var embeddings = await generator.GenerateAsync(["first", "second"]);

        var request = wire.Requests.Single();
        Assert.Equal(("POST", "/v1/embeddings"), (request.Method, request.PathAndQuery));
        Assert.Equal("Bearer sk-test", request.Headers["Authorization"]);
        Assert.Equal("""{"model":"text-embedding-3-small","input":["first","second"]}""", request.Body);
        Assert.Equal([1f, 0f], embeddings[0].Vector.ToArray());
        Assert.Equal([0f, 1f], embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task Sends_Azure_keys_in_the_api_key_header()
    {
        var wire = new RecordingHandler((HttpStatusCode.OK, """{"data":[{"index":0,"embedding":[1.0]}]}"""));
        var generator = new OpenAICompatibleEmbeddingGenerator(new HttpClient(wire), new Uri("https://acme.openai.azure.com/openai/v1"), "emb", "azure-key");

        await generator.GenerateAsync(["x"]);

        Assert.Equal("azure-key", wire.Requests[0].Headers["api-key"]);
        Assert.False(wire.Requests[0].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public void Makes_the_same_unit_vector_for_the_same_text_and_closer_vectors_for_related_texts()
    {
        var analyzer = new TextAnalyzer();
        var model = LexicalEmbeddingModel.Fit(["members failed the quiz", "badges and leaderboards", "email timing and time zones"], analyzer);

        var a = model.Embed("members who failed quizzes");
        var b = model.Embed("members who failed quizzes");
        var related = model.Embed("a failed quiz");
        var unrelated = model.Embed("time zones for email");

        Assert.Equal(a, b);
        Assert.Equal(1.0, Math.Sqrt(a.Sum(v => (double)v * v)), 5);
        Assert.True(Dot(a, related) > Dot(a, unrelated));
        Assert.Equal(model.Fingerprint, LexicalEmbeddingModel.Load(model.Save(), analyzer).Fingerprint);
    }

    private static double Dot(float[] x, float[] y) => x.Zip(y).Sum(p => (double)p.First * p.Second);

    [Fact]
    public async Task Runs_the_shipped_sentence_transformer_offline_with_unit_vectors_closer_for_paraphrases()
    {
        using var model = SentenceEncoderEmbeddingGenerator.Create("minilm");

        var vectors = await model.GenerateAsync(["learners gave up after failing the exam", "students quit after a bad test score", "schedule the newsletter for Tuesday"]);

        Assert.All(vectors, v => Assert.Equal(384, v.Vector.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Vector.Span.ToArray().Sum(x => (double)x * x)), 3));
        var paraphrase = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(paraphrase > unrelated + 0.2, $"paraphrase {paraphrase:F2}, unrelated {unrelated:F2}");
    }
}
