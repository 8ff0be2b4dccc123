using System.CommandLine;
using Actionlytics.Data.Analytics;
using Actionlytics.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics chart KIND --community SLUG ... --out FILE</c>: PNG, SVG or the chart's data as JSON, by the file's extension.</summary>
internal static class ChartCommand
{
    public static Command Build()
    {
        var kind = new Argument<string>("kind") { Description = $"One of: {string.Join(", ", CommunityReports.ChartNames.Keys)}." };
        kind.AcceptOnlyFromAmong([.. CommunityReports.ChartNames.Keys]);
        var output = new Option<FileInfo>("--out") { Description = "File to write: .png, .svg or .json.", Required = true };
        var width = new Option<int>("--width") { Description = "Width in pixels.", DefaultValueFactory = _ => ChartRenderer.DefaultWidth };
        var height = new Option<int>("--height") { Description = "Height in pixels.", DefaultValueFactory = _ => ChartRenderer.DefaultHeight };
        var analysis = new AnalysisOptions();
        var command = new Command("chart", "Draw a chart of a community: trends and lifecycle over a window, scores and segments as of a day, retention cohorts.")
        {
            kind, output, width, height,
        };
        analysis.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var file = parse.GetValue(output)!;
            if (ExportFormats.FromFileName(file.Name) is not { } format || !format.IsChartFormat())
            {
                CliOutput.Error($"'{file.Name}': a chart is written as .png, .svg or .json");
                return ExitCodes.UsageOrInput;
            }
            if (parse.GetValue(width) is < 200 or > 4000 || parse.GetValue(height) is < 150 or > 4000)
            {
                CliOutput.Error("--width must be 200 to 4000 and --height 150 to 4000 pixels");
                return ExitCodes.UsageOrInput;
            }
            var request = analysis.Request(parse);
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var chart = await scope.ServiceProvider.GetRequiredService<CommunityReports>()
                .ChartAsync(CommunityReports.ChartNames[parse.GetValue(kind)!], request, cancellationToken);
            await File.WriteAllBytesAsync(file.FullName, ChartRenderer.Render(chart, format, parse.GetValue(width), parse.GetValue(height)), cancellationToken);
            Console.Error.WriteLine($"{chart.Title} ({chart.Subtitle}) written to {file.FullName}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
