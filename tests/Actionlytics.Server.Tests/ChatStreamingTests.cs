using System.Net.Http.Json;
using System.Text.Json;
using Actionlytics.Tests.Tools;

namespace Actionlytics.Server.Tests;

/// <summary>
/// With a real model the answer arrives as the model writes it: a local OpenAI-compatible server streams its
/// completion chunk by chunk and holds the rest back until the chat API's client has seen the first piece.
/// </summary>
public sealed class ChatStreamingTests : IAsyncLifetime
{
    private const string Key = "manager-key-0123456789";

    private readonly OpenAIStreamingServer _model = new("activity_trend", """{"granularity":"week"}""",
        "Activity held steady over the last three months, with a small dip in the last week.") { HoldAfterFirstChunk = true };

    private ServerFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var settings = ServerFactory.ApiKeys(("manager", Key, "demo", true));
        foreach (var (key, value) in _model.Settings())
        {
            settings[key] = value;
        }
        _server = new ServerFactory(settings);
        _client = await _server.CreateHealthyClientAsync();
        _client.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task The_answers_first_words_reach_the_client_before_the_models_completion_ends()
    {
        var thread = (await (await _client.PostAsJsonAsync("/api/chat/threads", new { community = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chat/threads/{thread}/messages") { Content = JsonContent.Create(new { text = "How is activity going?" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var events = new List<(string Name, JsonElement Data)>();
        string? name = null;
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
                if (name == "answer" && !_model.CompletionEnded.Task.IsCompleted)
                {
                    // The first piece is here while the model still holds the rest: now let it finish.
                    Assert.Equal("Activity", events[^1].Data.GetProperty("text").GetString());
                    _model.Release();
                }
                if (name is "done" or "error")
                {
                    break;
                }
            }
        }

        var names = events.Select(e => e.Name).ToList();
        Assert.Equal(["tool_started", "tool_finished"], names.Take(2));
        Assert.True(names.Count(n => n == "answer") > 1, $"the answer came in one piece: {string.Join(", ", names)}");
        Assert.Equal("done", names[^1]);
        var done = events[^1].Data;
        Assert.Equal(_model.Answer, done.GetProperty("answer").GetString());
        Assert.Equal(_model.Answer, string.Concat(events.Where(e => e.Name == "answer").Select(e => e.Data.GetProperty("text").GetString())));
        Assert.True(_model.CompletionEnded.Task.IsCompleted);
    }
}
