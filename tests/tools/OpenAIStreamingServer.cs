using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actionlytics.Tests.Tools;

/// <summary>
/// A local HTTP server speaking the OpenAI chat completions protocol, streamed as OpenAI, Azure OpenAI v1, Ollama and
/// vLLM stream it (server-sent <c>chat.completion.chunk</c>s, then <c>[DONE]</c>): a request without a tool result
/// gets the configured tool call back, the next one the answer, a few words per chunk. Every request is recorded.
/// When <see cref="HoldAfterFirstChunk"/> is set, the answer stops after its first chunk until
/// <see cref="Release"/> is called, so a test can see what the client shows before the completion ends.
/// </summary>
public sealed class OpenAIStreamingServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OpenAIStreamingServer(string toolName, string toolArguments, string answer)
    {
        ToolName = toolName;
        ToolArguments = toolArguments;
        Answer = answer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string ToolName { get; }

    public string ToolArguments { get; }

    public string Answer { get; }

    public bool HoldAfterFirstChunk { get; set; }

    /// <summary>Completes once the answer's first chunk is on the wire.</summary>
    public TaskCompletionSource FirstChunkSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the answer's last chunk and <c>[DONE]</c> are on the wire.</summary>
    public TaskCompletionSource CompletionEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(string Path, string? Authorization, JsonObject Body)> Requests { get; } = [];

    /// <summary>The settings that point the agent at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Agent:Provider", "OpenAI"),
        new("Agent:Endpoint", $"http://127.0.0.1:{Port}/v1"),
        new("Agent:Model", "test-model"),
        new("Agent:ApiKey", "sk-test-key"),
    ];

    public void Release() => _released.TrySetResult();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        lock (Requests)
        {
            Requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
        }
        var hasToolResult = body["messages"]!.AsArray().Any(m => m!["role"]!.GetValue<string>() == "tool");
        var streamed = body["stream"]?.GetValue<bool>() == true;
        var response = context.Response;
        try
        {
            if (!streamed)
            {
                var message = hasToolResult
                    ? new JsonObject { ["role"] = "assistant", ["content"] = Answer }
                    : new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(ToolCall()) };
                var whole = new JsonObject
                {
                    ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1700000000, ["model"] = "test-model",
                    ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = hasToolResult ? "stop" : "tool_calls" }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
                };
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(whole.ToJsonString()));
                return;
            }
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            if (!hasToolResult)
            {
                await ChunkAsync(response, new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(ToolCall(index: 0)) }, null);
                await ChunkAsync(response, new JsonObject(), "tool_calls");
                await WriteAsync(response, "data: [DONE]\n\n");
                return;
            }
            var words = Answer.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                await ChunkAsync(response, new JsonObject { ["content"] = (i == 0 ? "" : " ") + words[i] }, null);
                if (i == 0)
                {
                    FirstChunkSent.TrySetResult();
                    if (HoldAfterFirstChunk)
                    {
                        await _released.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    }
                }
            }
            await ChunkAsync(response, new JsonObject(), "stop");
            await WriteAsync(response, "data: [DONE]\n\n");
            CompletionEnded.TrySetResult();
        }
        finally
        {
            response.Close();
        }
    }

    private JsonObject ToolCall(int? index = null)
    {
        var call = new JsonObject { ["id"] = "call_1", ["type"] = "function", ["function"] = new JsonObject { ["name"] = ToolName, ["arguments"] = ToolArguments } };
        if (index is { } i)
        {
            call["index"] = i;
        }
        return call;
    }

    private static Task ChunkAsync(HttpListenerResponse response, JsonObject delta, string? finish)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        return WriteAsync(response, $"data: {chunk.ToJsonString()}\n\n");
    }

    private static async Task WriteAsync(HttpListenerResponse response, string text)
    {
        await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await response.OutputStream.FlushAsync();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
