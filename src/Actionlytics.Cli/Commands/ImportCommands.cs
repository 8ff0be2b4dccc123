using System.CommandLine;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics import events|members FILE --community SLUG</c>.</summary>
internal static class ImportCommands
{
    private enum Kind
    {
        Events,
        Members,
    }

    public static Command Build()
    {
        var import = new Command("import", "Import a platform's export (CSV or JSON Lines) into a community.");
        import.Subcommands.Add(Build(Kind.Events, "events", "Import activity events: event_id,member_id,occurred_at,action[,content_id,channel,...]."));
        import.Subcommands.Add(Build(Kind.Members, "members", "Import members: member_id[,display_name,email,locale,joined_at,opt_out,...]."));
        return import;
    }

    private static Command Build(Kind kind, string name, string description)
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import (.csv, .jsonl or .ndjson; '-' for standard input with --format)." };
        var community = CommonOptions.Community("Slug of the community to import into.");
        var format = new Option<string?>("--format") { Description = "csv or jsonl; by default taken from the file's extension." };
        format.AcceptOnlyFromAmong("csv", "jsonl", "ndjson", "json");
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid rows even if some are invalid (they are reported)." };
        var command = new Command(name, description) { file, community, format, skipInvalid };

        Option<string?>? assumeTimeZone = null;
        Option<bool>? noNewMembers = null;
        if (kind == Kind.Events)
        {
            assumeTimeZone = new Option<string?>("--assume-timezone") { Description = "IANA time zone of timestamps written without Z or an offset (otherwise they are errors)." };
            noNewMembers = new Option<bool>("--no-new-members") { Description = "Reject events of members the store does not know, instead of creating them." };
            command.Options.Add(assumeTimeZone);
            command.Options.Add(noNewMembers);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var slug = parse.GetValue(community)!;
            var json = parse.GetValue(CommonOptions.Json);
            var zone = assumeTimeZone is null ? null : parse.GetValue(assumeTimeZone);
            if (zone is not null && !CommunityCalendar.IsKnownZone(zone))
            {
                CliOutput.Error($"unknown time zone '{zone}' (use an IANA id such as Europe/Paris)");
                return ExitCodes.UsageOrInput;
            }
            var chosenFormat = parse.GetValue(format) is { } named ? ImportFormats.FromName(named) : ImportFormats.FromFileName(path.Name);
            if (chosenFormat is null)
            {
                CliOutput.Error($"cannot tell the format of '{path.Name}' from its extension: pass --format csv or --format jsonl");
                return ExitCodes.UsageOrInput;
            }
            var isStdin = path.Name == "-";
            if (!isStdin && !path.Exists)
            {
                CliOutput.Error($"no such file: {path.FullName}");
                return ExitCodes.UsageOrInput;
            }

            var options = new ImportOptions
            {
                SkipInvalid = parse.GetValue(skipInvalid),
                AssumeTimeZone = zone,
                CreateUnknownMembers = noNewMembers is null || !parse.GetValue(noNewMembers),
            };

            try
            {
                using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
                await using var scope = host.Services.CreateAsyncScope();
                await using var input = isStdin
                    ? Console.OpenStandardInput()
                    : new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var report = await ProgressDisplay.RunAsync($"{name} -> {slug}", progress => kind == Kind.Events
                    ? scope.ServiceProvider.GetRequiredService<EventImporter>().ImportAsync(slug, input, chosenFormat.Value, options, progress, cancellationToken)
                    : scope.ServiceProvider.GetRequiredService<MemberImporter>().ImportAsync(slug, input, chosenFormat.Value, options, progress, cancellationToken));
                return CliOutput.Report(report, json);
            }
            catch (ImportFormatException ex)
            {
                CliOutput.Error($"{ex.Message} Nothing was imported.");
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
