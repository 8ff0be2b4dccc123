using System.Xml.Linq;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Charts;
using SkiaSharp;

namespace Actionlytics.Reports.Tests;

public class ChartRendererTests
{
    public static TheoryData<string> Kinds => new(Enum.GetNames<ChartKind>());

    private static ChartSpec Spec(string kind) => Enum.Parse<ChartKind>(kind) switch
    {
        ChartKind.Trend => ChartSpecs.Trend(DemoAnalyses.Trend, "Demo"),
        ChartKind.Lifecycle => ChartSpecs.Lifecycle(DemoAnalyses.Trend, "Demo"),
        ChartKind.ActionMix => ChartSpecs.ActionMix(DemoAnalyses.Trend, "Demo"),
        ChartKind.ScoreDistribution => ChartSpecs.ScoreDistribution(DemoAnalyses.Scores, "Demo"),
        ChartKind.Segments => ChartSpecs.Segments(DemoAnalyses.Scores, SegmentRules.Default, "Demo"),
        _ => ChartSpecs.Retention(DemoAnalyses.Retention, new DateOnly(2025, 7, 1), DemoAnalyses.End, "Demo"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Renders_every_chart_as_a_PNG_of_the_asked_size_with_real_content(string kind)
    {
        var png = ChartRenderer.Render(Spec(kind), ExportFormat.Png, 800, 450);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(800, bitmap.Width);
        Assert.Equal(450, bitmap.Height);
        // A chart, not a blank canvas: many colours (text antialiasing, series, grid).
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }
        Assert.True(colours.Count > 40, $"only {colours.Count} colours");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Renders_every_chart_as_SVG_with_its_title_and_axis_labels(string kind)
    {
        var spec = Spec(kind);

        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ChartRenderer.Render(spec, ExportFormat.Svg, 640, 360)));

        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var text = svg.ToString();
        Assert.Contains(spec.XLabel.Split(' ')[0], text);
        Assert.Contains(spec.Title.Split(' ')[0], text);
    }

    [Fact]
    public void Writes_the_chart_data_as_JSON_for_interactive_drawing()
    {
        var spec = ChartSpecs.Trend(DemoAnalyses.Trend, "Demo");

        using var json = System.Text.Json.JsonDocument.Parse(ChartRenderer.Render(spec, ExportFormat.Json));

        Assert.Equal("trend", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(spec.Categories.Count, json.RootElement.GetProperty("categories").GetArrayLength());
        Assert.Equal("Active", json.RootElement.GetProperty("series")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Labels_charts_with_the_date_range()
    {
        var spec = ChartSpecs.Lifecycle(DemoAnalyses.Trend, "Demo");

        Assert.Equal("2026-01-05 to 2026-06-28", spec.Subtitle);
        Assert.Equal(["New", "Returning", "Resurrecting", "Dormant"], spec.Series.Select(s => s.Name));
        Assert.All(spec.Series.Single(s => s.Name == "Dormant").Values, v => Assert.True(v <= 0));
    }
}
