using System.Text.Json;

namespace Actionlytics.Cli.Tests;

public sealed class AskCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<CliProcess.Result> AskAsync(params string[] args) => CliProcess.RunAsync(_workspace.Folder,
        new Dictionary<string, string> { ["Knowledge__DataFolder"] = Path.Combine(_workspace.Folder, "knowledge") },
        ["ask", .. args, "--db", _workspace.Database]);

    [Fact]
    public async Task Prints_the_turn_as_one_JSON_object_with_every_tool_call_in_order()
    {
        Assert.Equal(0, (await _workspace.RunAsync("demo", "--members", "300", "--months", "6")).ExitCode);

        var result = await AskAsync("Show the trend for last month and export it as CSV", "--community", "demo", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["activity_trend", "export_table"], root.GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("csv", root.GetProperty("tool_calls")[1].GetProperty("arguments").GetProperty("format").GetString());
        Assert.StartsWith("text/csv", root.GetProperty("artifacts")[0].GetProperty("media_type").GetString(), StringComparison.Ordinal);
        Assert.Contains("members were active", root.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("citations").ValueKind);
        // Each call carries its result record, as the chat API shows it: the figures and the links that made them.
        var trend = root.GetProperty("tool_calls")[0].GetProperty("result");
        Assert.NotEmpty(trend.GetProperty("periods").EnumerateArray());
        Assert.Contains("/charts/trend.png?", trend.GetProperty("links").GetProperty("chart").GetString(), StringComparison.Ordinal);
        Assert.Equal("trend", root.GetProperty("tool_calls")[1].GetProperty("result").GetProperty("table").GetString());

        var followUp = await AskAsync("and only for videos?", "--community", "demo", "--thread", root.GetProperty("thread_id").GetString()!, "--json");
        using var second = JsonDocument.Parse(followUp.Output);
        Assert.Equal("video_view", second.RootElement.GetProperty("tool_calls")[0].GetProperty("arguments").GetProperty("action").GetString());
    }

    [Fact]
    public async Task Names_an_unknown_community_or_thread_with_exit_code_3()
    {
        Assert.Equal(0, (await _workspace.RunAsync("community", "create", "acme")).ExitCode);

        var community = await AskAsync("How is activity?", "--community", "nope");
        var thread = await AskAsync("How is activity?", "--community", "acme", "--thread", "0000");

        Assert.Equal(3, community.ExitCode);
        Assert.Equal(3, thread.ExitCode);
        Assert.Contains("No thread 0000", thread.Error);
    }
}
