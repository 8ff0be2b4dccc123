using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actionlytics.Core.Charts;
using ScottPlot;

namespace Actionlytics.Reports;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as PNG or SVG, headless (ScottPlot on SkiaSharp), at a size readable in a chat
/// (800 x 450 by default), or writes its data as JSON for interactive drawing.
/// </summary>
public static class ChartRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 450;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // A colour-blind-safe palette (Okabe-Ito), in series order.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#F0E442"), Color.FromHex("#999999"),
    ];

    // A sans-serif face when the machine has one (Debian: fonts-dejavu-core); ScottPlot's default otherwise.
    private static readonly string SansFont = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans" }
        .FirstOrDefault(name => Fonts.GetTypeface(name, bold: false, italic: false) is { } face && face.FamilyName == name) ?? Fonts.Default;

    public static byte[] Render(ChartSpec chart, ExportFormat format, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (format == ExportFormat.Json)
        {
            return JsonSerializer.SerializeToUtf8Bytes(chart, Json);
        }
        var plot = Draw(chart);
        return format switch
        {
            ExportFormat.Png => plot.GetImageBytes(width, height, ImageFormat.Png),
            ExportFormat.Svg => System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), $"A chart exports as PNG, SVG or JSON, not {format}."),
        };
    }

    private static Plot Draw(ChartSpec chart)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        plot.Title($"{chart.Title}\n{chart.Subtitle}", size: 15);
        plot.XLabel(chart.XLabel, size: 13);
        plot.YLabel(chart.YLabel, size: 13);

        if (chart.Matrix.Count > 0)
        {
            DrawHeatmap(plot, chart);
            return plot;
        }

        DrawStackedBars(plot, chart);
        var line = 0;
        foreach (var series in chart.Series.Where(s => s.Style == SeriesStyle.Line))
        {
            var scatter = plot.Add.Scatter(Enumerable.Range(0, series.Values.Count).Select(i => (double)i).ToArray(), series.Values.ToArray());
            scatter.LegendText = series.Name;
            scatter.Color = Palette[line++ % Palette.Length];
            scatter.LineWidth = 2;
            scatter.MarkerSize = chart.Categories.Count > 40 ? 0 : 4;
        }

        SetCategoryTicks(plot.Axes.Bottom, chart.Categories);
        if (chart.Series.All(series => series.Values.All(v => v >= 0)))
        {
            plot.Axes.Margins(bottom: 0); // bars stand on the axis
        }
        if (chart.Series.Count > 1)
        {
            // Outside the data, under the chart: a legend never hides a bar.
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
        }
        return plot;
    }

    private static void DrawStackedBars(Plot plot, ChartSpec chart)
    {
        var stacked = chart.Series.Where(s => s.Style == SeriesStyle.StackedBar).ToList();
        if (stacked.Count == 0)
        {
            return;
        }
        var above = new double[chart.Categories.Count];
        var below = new double[chart.Categories.Count];
        var bars = new List<Bar>();
        for (var s = 0; s < stacked.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            for (var i = 0; i < stacked[s].Values.Count; i++)
            {
                var value = stacked[s].Values[i];
                var start = value >= 0 ? above[i] : below[i];
                bars.Add(new Bar { Position = i, ValueBase = start, Value = start + value, FillColor = color, LineWidth = 0, Size = 0.8 });
                if (value >= 0)
                {
                    above[i] += value;
                }
                else
                {
                    below[i] += value;
                }
            }
            if (stacked.Count > 1)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = stacked[s].Name, FillColor = color });
            }
        }
        plot.Add.Bars(bars);
    }

    private static void DrawHeatmap(Plot plot, ChartSpec chart)
    {
        int rows = chart.Matrix.Count, columns = chart.Categories.Count;
        var cells = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                // Percent; missing cells (months not reached yet) stay blank.
                cells[r, c] = c < chart.Matrix[r].Count && chart.Matrix[r][c] is { } share ? share * 100 : double.NaN;
            }
        }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new CoordinateRect(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Add.ColorBar(heatmap).Label = "% of the cohort active";
        SetCategoryTicks(plot.Axes.Bottom, chart.Categories);
        // The heatmap draws its first row at the top: the first cohort's label goes there too.
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray(), chart.RowLabels.ToArray());
    }

    /// <summary>Category labels under the bars, thinned out and turned when there are many.</summary>
    private static void SetCategoryTicks(IAxis axis, IReadOnlyList<string> categories)
    {
        var step = Math.Max(1, (int)Math.Ceiling(categories.Count / 16.0));
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < categories.Count; i += step)
        {
            positions.Add(i);
            labels.Add(categories[i]);
        }
        axis.SetTicks(positions.ToArray(), labels.ToArray());
        if (categories.Count > 8 && axis is ScottPlot.AxisPanels.BottomAxis bottom)
        {
            bottom.TickLabelStyle.Rotation = -45;
            bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Room for the turned labels under the axis, so they do not run into the axis title.
            var longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
            bottom.MinimumSize = 45 + (float)(longest * 8 * Math.Sin(Math.PI / 4));
        }
    }
}
