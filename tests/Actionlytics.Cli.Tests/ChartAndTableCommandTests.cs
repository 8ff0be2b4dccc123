namespace Actionlytics.Cli.Tests;

public sealed class ChartAndTableCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Writes_charts_and_tables_to_files_by_their_extension()
    {
        Assert.Equal(0, (await _workspace.RunAsync("demo", "--members", "150", "--months", "6", "--end", "2026-06-30")).ExitCode);
        var png = Path.Combine(_workspace.Folder, "trend.png");
        var svg = Path.Combine(_workspace.Folder, "segments.svg");
        var xlsx = Path.Combine(_workspace.Folder, "trend.xlsx");

        var trend = await _workspace.RunAsync("chart", "trend", "-c", "demo", "--to", "2026-06-30", "--out", png);
        var segments = await _workspace.RunAsync("chart", "segments", "-c", "demo", "--as-of", "2026-06-30", "--out", svg, "--width", "640", "--height", "400");
        var table = await _workspace.RunAsync("table", "trend", "-c", "demo", "--to", "2026-06-30", "--granularity", "month", "--out", xlsx);
        var csv = await _workspace.RunAsync("table", "comparison", "-c", "demo", "--to", "2026-06-30");

        Assert.Equal(0, trend.ExitCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        Assert.Equal(0, segments.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(svg));
        Assert.Equal(0, table.ExitCode);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);
        Assert.StartsWith("metric,current,previous,change", csv.Output);
    }

    [Fact]
    public async Task Refuses_a_chart_file_it_cannot_write()
    {
        await _workspace.RunAsync("community", "create", "acme");

        var result = await _workspace.RunAsync("chart", "trend", "-c", "acme", "--out", Path.Combine(_workspace.Folder, "trend.gif"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".png, .svg or .json", result.Error);
    }
}
