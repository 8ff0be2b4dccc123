using System.CommandLine;
using System.Globalization;
using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics score --community SLUG --as-of YYYY-MM-DD --window W --inactive-after I --format csv|json</c>.</summary>
internal static class ScoreCommand
{
    public static Command Build()
    {
        var community = CommonOptions.Community("Slug of the community to score.");
        var asOf = new Option<string?>("--as-of") { Description = "Day to score as of (YYYY-MM-DD); events after it are ignored. Default: today in the community's time zone." };
        var window = new Option<int?>("--window") { Description = $"Days of history the score looks at (default {ScoreParameters.DefaultWindowDays})." };
        var inactiveAfter = new Option<int?>("--inactive-after") { Description = "Days without activity after which a member is inactive (default: the community's threshold)." };
        var weights = new Option<string?>("--weights") { Description = "recency,constancy,frequency weights, e.g. 0.5,0.25,0.25 (default: configured)." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var top = new Option<int?>("--top") { Description = "Only the N highest scores." };

        var command = new Command("score", "Score inactive members on recency, constancy and frequency: one row per inactive member, highest score first.")
        {
            community, asOf, window, inactiveAfter, weights, format, output, top,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var day = AnalyticsArguments.ParseDay(parse.GetValue(asOf), "--as-of");
                var chosenWeights = AnalyticsArguments.ParseWeights(parse.GetValue(weights));
                using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
                await using var scope = host.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<CommunityAnalytics>().ScoreAsync(
                    parse.GetValue(community)!, day, parse.GetValue(window), parse.GetValue(inactiveAfter), chosenWeights, cancellationToken);

                var rows = parse.GetValue(top) is { } n ? result.Inactive.Take(n) : result.Inactive;
                await using var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput();
                if (parse.GetValue(format) == "json")
                {
                    await ScoreTable.WriteJsonAsync(stream, rows, cancellationToken);
                }
                else
                {
                    await using var writer = new StreamWriter(stream, leaveOpen: true);
                    await ScoreTable.WriteCsvAsync(writer, rows, cancellationToken);
                }
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"As of {result.Parameters.AsOf:yyyy-MM-dd}, window {result.Parameters.WindowDays} days, inactive after {result.Parameters.InactiveAfterDays} days: " +
                    $"{result.InactiveMembers:N0} inactive, {result.ActiveMembers:N0} active, {result.NeverActiveMembers:N0} never active."));
                return ExitCodes.Success;
            }
            catch (AnalyticsArgumentException ex)
            {
                CliOutput.Error(ex.Message);
                return ExitCodes.UsageOrInput;
            }
            catch (CommunityNotFoundException ex)
            {
                CliOutput.Error(ex.Message);
                return ExitCodes.NotFound;
            }
        });
        return command;
    }
}
