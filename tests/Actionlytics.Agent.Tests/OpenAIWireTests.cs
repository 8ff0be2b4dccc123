using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actionlytics.Agent.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// A local HTTP server speaking the OpenAI chat completions protocol (as OpenAI, Azure OpenAI v1, Ollama and vLLM do):
/// the first request gets a tool call back, the next one a text answer. Every request is recorded.
/// </summary>
public sealed class OpenAICompatibleServer : DemoAgent
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public OpenAICompatibleServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public List<(string Path, string? Authorization, JsonObject Body)> Requests { get; } = [];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Agent:Provider", "OpenAI"),
        new("Agent:Endpoint", $"http://127.0.0.1:{Port}/v1"),
        new("Agent:Model", "test-model"),
        new("Agent:ApiKey", "sk-test-key"),
    ];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
            }
            var hasToolResult = body["messages"]!.AsArray().Any(m => m!["role"]!.GetValue<string>() == "tool");
            var message = hasToolResult
                ? """{"role":"assistant","content":"Here are the members most worth winning back."}"""
                : """{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"inactivity_scores","arguments":"{\"top\":3}"}}]}""";
            var finish = hasToolResult ? "stop" : "tool_calls";
            var response = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\",\"choices\":[{\"index\":0,\"message\":"
                + message + ",\"finish_reason\":\"" + finish + "\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
            var bytes = Encoding.UTF8.GetBytes(response);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public override async Task DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
        await base.DisposeAsync();
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

/// <summary>A real model plugs in by configuration alone and uses the same tools, prompts and approvals.</summary>
public sealed class OpenAIWireTests(OpenAICompatibleServer server) : IClassFixture<OpenAICompatibleServer>
{
    [Fact]
    public async Task Sends_the_system_prompt_and_typed_tools_then_runs_the_tool_the_model_calls()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var turn = await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(DemoAgent.Community, "manager", null, "Who should we win back first?", CancellationToken.None);

        Assert.Equal("Here are the members most worth winning back.", turn.Answer);
        Assert.Equal("inactivity_scores", Assert.Single(turn.ToolCalls).Name);
        Assert.Equal(2, server.Requests.Count);

        var (path, authorization, first) = server.Requests[0];
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer sk-test-key", authorization);
        Assert.Equal("test-model", first["model"]!.GetValue<string>());
        Assert.Contains("Answer from tool results only", first["messages"]![0]!["content"]!.ToJsonString());
        var tools = first["tools"]!.AsArray().Select(t => t!["function"]!).ToDictionary(f => f["name"]!.GetValue<string>());
        Assert.Equal(14, tools.Count);
        Assert.StartsWith("how many members to list", tools["inactivity_scores"]["parameters"]!["properties"]!["top"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var toolMessage = server.Requests[1].Body["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        using var result = JsonDocument.Parse(toolMessage["content"]!.GetValue<string>());
        Assert.Equal(3, result.RootElement.GetProperty("members").GetArrayLength());
    }
}
