using System.CommandLine;
using Actionlytics.Data.Analytics;
using Actionlytics.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics table NAME --community SLUG ... [--out FILE | --format csv|json]</c>: any analysis as CSV, XLSX or JSON.</summary>
internal static class TableCommand
{
    public static Command Build()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", CommunityReports.TableNames)}." };
        name.AcceptOnlyFromAmong([.. CommunityReports.TableNames]);
        var output = new Option<FileInfo?>("--out") { Description = "File to write: .csv, .xlsx or .json (default: CSV on standard output)." };
        var format = new Option<string?>("--format") { Description = "csv, json or xlsx, when not given by --out's extension." };
        var analysis = new AnalysisOptions();
        var command = new Command("table", "Export an analysis of a community as a table (CSV, XLSX or JSON).") { name, output, format };
        analysis.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var file = parse.GetValue(output);
            var chosen = ExportFormats.Parse(parse.GetValue(format)) ?? (file is null ? ExportFormat.Csv : ExportFormats.FromFileName(file.Name));
            if (chosen is not { } exportFormat || !exportFormat.IsTableFormat() || (exportFormat == ExportFormat.Xlsx && file is null))
            {
                CliOutput.Error("a table is written as .csv, .xlsx (to a file) or .json");
                return ExitCodes.UsageOrInput;
            }
            var request = analysis.Request(parse);
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var table = await scope.ServiceProvider.GetRequiredService<CommunityReports>().TableAsync(parse.GetValue(name)!, request, cancellationToken);
            await using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            await TableExport.WriteAsync(table, exportFormat, stream, cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }
}
