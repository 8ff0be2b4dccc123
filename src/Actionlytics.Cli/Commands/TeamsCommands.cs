using System.CommandLine;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics teams package</c>: the Teams app package (manifest and icons) to upload to Teams.</summary>
internal static partial class TeamsCommands
{
    public static Command Build()
    {
        var teams = new Command("teams", "Microsoft Teams: build the app package.");
        teams.Subcommands.Add(BuildPackage());
        return teams;
    }

    private static Command BuildPackage()
    {
        var appId = new Option<string?>("--app-id") { Description = "The Teams app's id (a GUID you keep for every version). Default: Teams__PackageAppId." };
        var botId = new Option<string?>("--bot-id") { Description = "The bot's Microsoft App ID (the Azure Bot's Entra ID app). Default: Teams__AppId." };
        var host = new Option<string?>("--host") { Description = "The public host name of the server (no scheme), e.g. actionlytics.contoso.com. Default: Teams__PublicHost." };
        var version = new Option<string>("--version") { Description = "The app package version (semver).", DefaultValueFactory = _ => "1.0.0" };
        var manifestFolder = new Option<string?>("--manifest") { Description = "The folder with manifest.json, color.png and outline.png (default: the repository's manifest/)." };
        var output = new Option<string>("--output") { Description = "The zip to write.", DefaultValueFactory = _ => "actionlytics-teams.zip" };
        var command = new Command("package", "Build the Teams app package (manifest.json with your ids, color.png, outline.png) as a zip to upload in Teams.")
        {
            appId, botId, host, version, manifestFolder, output,
        };
        command.SetAction(parse =>
        {
            var values = new Dictionary<string, string?>
            {
                ["TEAMS_APP_ID"] = parse.GetValue(appId) ?? Environment.GetEnvironmentVariable("Teams__PackageAppId"),
                ["BOT_APP_ID"] = parse.GetValue(botId) ?? Environment.GetEnvironmentVariable("Teams__AppId"),
                ["PUBLIC_HOST"] = parse.GetValue(host) ?? Environment.GetEnvironmentVariable("Teams__PublicHost"),
                ["APP_VERSION"] = parse.GetValue(version),
            };
            var problems = Problems(values).ToList();
            if (problems.Count > 0)
            {
                CliOutput.Error("Cannot build the Teams package: " + string.Join(" ", problems));
                return ExitCodes.UsageOrInput;
            }
            var folder = parse.GetValue(manifestFolder) ?? DefaultManifestFolder();
            if (folder is null || !File.Exists(Path.Combine(folder, "manifest.json")))
            {
                CliOutput.Error("No manifest.json found: pass --manifest FOLDER (the repository's manifest/ folder).");
                return ExitCodes.UsageOrInput;
            }
            var manifest = Placeholder().Replace(File.ReadAllText(Path.Combine(folder, "manifest.json")), m => values[m.Groups[1].Value]!);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var partial = path + ".partial";
            // Written beside and moved into place: a failed run never leaves half a package under the real name.
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
                {
                    writer.Write(manifest);
                }
                zip.CreateEntryFromFile(Path.Combine(folder, "color.png"), "color.png");
                zip.CreateEntryFromFile(Path.Combine(folder, "outline.png"), "outline.png");
            }
            File.Move(partial, path, overwrite: true);
            Console.Out.WriteLine($"Wrote {path}: upload it in Teams (Apps, Manage your apps, Upload an app).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<string> Problems(Dictionary<string, string?> values)
    {
        foreach (var (key, option) in new[] { ("TEAMS_APP_ID", "--app-id"), ("BOT_APP_ID", "--bot-id") })
        {
            if (!Guid.TryParseExact(values[key] ?? "", "D", out _))
            {
                yield return $"{option} must be a GUID (got '{values[key]}').";
            }
        }
        if (values["PUBLIC_HOST"] is not { Length: > 0 } publicHost || Uri.CheckHostName(publicHost) == UriHostNameType.Unknown)
        {
            yield return $"--host must be a host name such as actionlytics.contoso.com (got '{values["PUBLIC_HOST"]}').";
        }
        if (!SemVer().IsMatch(values["APP_VERSION"] ?? ""))
        {
            yield return $"--version must look like 1.0.0 (got '{values["APP_VERSION"]}').";
        }
    }

    private static string? DefaultManifestFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "manifest", "manifest.json")))
            {
                return Path.Combine(folder.FullName, "manifest");
            }
        }
        return null;
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
