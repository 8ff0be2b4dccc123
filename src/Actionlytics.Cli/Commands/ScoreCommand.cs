using System.CommandLine;
using System.Globalization;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Analytics;
using Actionlytics.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics score --community SLUG --as-of YYYY-MM-DD --window W --inactive-after I --format csv|json</c>.</summary>
internal static class ScoreCommand
{
    public static Command Build()
    {
        var analysis = new AnalysisOptions();
        var format = new Option<string>("--format") { Description = "csv, json or xlsx (xlsx needs --out).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var top = new Option<int?>("--top") { Description = "Only the N highest scores." };

        var command = new Command("score", "Score inactive members on recency, constancy and frequency: one row per inactive member, highest score first.")
        {
            format, output, top,
        };
        analysis.AddTo(command, window: false);
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var request = analysis.Request(parse);
            var exportFormat = ExportFormats.Parse(parse.GetValue(format))!.Value;
            if (exportFormat == ExportFormat.Xlsx && parse.GetValue(output) is null)
            {
                CliOutput.Error("xlsx is a binary format: give a file with --out");
                return ExitCodes.UsageOrInput;
            }
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CommunityAnalytics>().ScoreAsync(
                request.Community, request.AsOf, request.WindowDays, request.InactiveAfterDays, request.Weights, cancellationToken);

            var rows = parse.GetValue(top) is { } n ? result.Inactive.Take(n) : result.Inactive;
            await using (var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput())
            {
                await TableExport.WriteAsync(ReportTables.Scores(rows), exportFormat, stream, cancellationToken);
            }
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"As of {result.Parameters.AsOf:yyyy-MM-dd}, window {result.Parameters.WindowDays} days, inactive after {result.Parameters.InactiveAfterDays} days: " +
                $"{result.InactiveMembers:N0} inactive, {result.ActiveMembers:N0} active, {result.NeverActiveMembers:N0} never active."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
