using System.Text.Json;

namespace Actionlytics.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Generates_the_same_demo_community_for_the_same_seed_and_end_date()
    {
        string[] demo = ["demo", "--members", "200", "--months", "6", "--seed", "11", "--end", "2026-06-30", "--json"];

        var first = await _workspace.RunAsync(demo);
        var again = await _workspace.RunAsync([.. demo, "--replace"]);
        var refused = await _workspace.RunAsync(demo);

        Assert.Equal(0, first.ExitCode);
        var events = JsonDocument.Parse(first.Output).RootElement.GetProperty("events").GetInt64();
        Assert.True(events > 1000);
        Assert.Equal(events, JsonDocument.Parse(again.Output).RootElement.GetProperty("events").GetInt64());
        Assert.Equal(events, await _workspace.EventCountAsync("demo"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--replace", refused.Error);
    }

    [Fact]
    public async Task Rejects_out_of_range_options()
    {
        var result = await _workspace.RunAsync("demo", "--members", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--members", result.Error);
    }
}
