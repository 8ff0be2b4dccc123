using System.Text.Json;
using Actionlytics.Agent.Chat;
using Actionlytics.Tests.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>The demo agent pointed at a local OpenAI-compatible server that streams its completions.</summary>
public sealed class OpenAICompatibleServer : DemoAgent
{
    public OpenAIStreamingServer Model { get; } = new("inactivity_scores", """{"top":3}""", "Here are the members most worth winning back.");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => Model.Settings();

    public override async Task DisposeAsync()
    {
        await Model.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>A real model plugs in by configuration alone and uses the same tools, prompts and approvals.</summary>
public sealed class OpenAIWireTests(OpenAICompatibleServer server) : IClassFixture<OpenAICompatibleServer>
{
    [Fact]
    public async Task Sends_the_system_prompt_and_typed_tools_then_runs_the_tool_the_model_calls()
    {
        var before = server.Model.Requests.Count;
        await using var scope = server.Services.CreateAsyncScope();
        var turn = await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(DemoAgent.Community, "manager", null, "Who should we win back first?", CancellationToken.None);

        Assert.Equal("Here are the members most worth winning back.", turn.Answer);
        Assert.Equal("inactivity_scores", Assert.Single(turn.ToolCalls).Name);
        var requests = server.Model.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);

        var (path, authorization, first) = requests[0];
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer sk-test-key", authorization);
        Assert.Equal("test-model", first["model"]!.GetValue<string>());
        Assert.True(first["stream"]!.GetValue<bool>(), "the agent asks for a streamed completion");
        Assert.Contains("Answer from tool results only", first["messages"]![0]!["content"]!.ToJsonString());
        var tools = first["tools"]!.AsArray().Select(t => t!["function"]!).ToDictionary(f => f["name"]!.GetValue<string>());
        Assert.Equal(Tools.ToolCatalog.All.Count, tools.Count);
        Assert.StartsWith("how many members to list", tools["inactivity_scores"]["parameters"]!["properties"]!["top"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var toolMessage = requests[1].Body["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        using var result = JsonDocument.Parse(toolMessage["content"]!.GetValue<string>());
        Assert.Equal(3, result.RootElement.GetProperty("members").GetArrayLength());
    }
}
