using Actionlytics.Agent.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>The demo agent with a short memory: the model sees only the last few messages of a thread.</summary>
public sealed class ShortMemoryAgent : DemoAgent
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Agent:MaxHistoryMessages", "5")];
}

public sealed class HistoryReductionTests(ShortMemoryAgent agent) : IClassFixture<ShortMemoryAgent>
{
    [Fact]
    public async Task Follows_up_on_the_latest_turn_after_a_long_conversation_is_cut()
    {
        string? thread = null;
        foreach (var question in new[] { "What segments do we have?", "Who's been inactive for 60 days?", "How many logins last week?", "Compare this month with last month", "Lifecycle over the last 8 weeks" })
        {
            await using var scope = agent.Services.CreateAsyncScope();
            thread = (await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(DemoAgent.Community, "ana", thread, question, CancellationToken.None)).ThreadId;
        }

        await using var last = agent.Services.CreateAsyncScope();
        var turn = await last.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(DemoAgent.Community, "ana", thread, "and only for videos?", CancellationToken.None);

        var call = Assert.Single(turn.ToolCalls);
        Assert.Equal("lifecycle", call.Name);
        Assert.Equal("video_view", call.Arguments.GetProperty("action").GetString());
        Assert.True(call.Arguments.TryGetProperty("from", out _));
    }
}
