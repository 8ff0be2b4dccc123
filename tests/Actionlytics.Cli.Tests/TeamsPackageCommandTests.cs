using Actionlytics.Tests.Tools;
using System.IO.Compression;
using System.Text.Json;
using NJsonSchema;
using SkiaSharp;

namespace Actionlytics.Cli.Tests;

/// <summary><c>actionlytics teams package</c> against Microsoft's Teams manifest schema (npm @microsoft/app-manifest).</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d";
    private const string BotId = "00000000-aaaa-4bbb-8ccc-000000000001";

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string SchemaPath() =>
        TestTools.NpmPackagePath("@microsoft/app-manifest", "build", "json-schemas", "teams", "v1.25", "MicrosoftTeams.schema.json");

    [Fact]
    public async Task Builds_a_package_whose_manifest_Microsofts_schema_accepts()
    {
        var zipPath = Path.Combine(_workspace.Folder, "teams.zip");

        var run = await CliProcess.RunAsync(_workspace.Folder, "teams", "package", "--app-id", AppId, "--bot-id", BotId, "--host", "actionlytics.contoso.com", "--version", "1.2.0", "--output", zipPath);

        Assert.True(run.ExitCode == 0, run.Error);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        string manifest;
        using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
        {
            manifest = await reader.ReadToEndAsync();
        }
        Assert.DoesNotContain("{{", manifest, StringComparison.Ordinal);
        var schema = await JsonSchema.FromFileAsync(SchemaPath());
        var errors = schema.Validate(manifest);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var json = JsonDocument.Parse(manifest);
        Assert.Equal(AppId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(BotId, json.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], json.RootElement.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("bots")[0].GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray());
    }

    [Fact]
    public async Task Ships_a_192_pixel_color_icon_and_a_32_pixel_white_on_transparent_outline()
    {
        var zipPath = Path.Combine(_workspace.Folder, "teams.zip");
        Assert.Equal(0, (await CliProcess.RunAsync(_workspace.Folder, "teams", "package", "--app-id", AppId, "--bot-id", BotId, "--host", "actionlytics.contoso.com", "--output", zipPath)).ExitCode);
        using var zip = ZipFile.OpenRead(zipPath);

        SKBitmap Icon(string name)
        {
            using var stream = new MemoryStream();
            zip.GetEntry(name)!.Open().CopyTo(stream);
            return SKBitmap.Decode(stream.ToArray());
        }
        using var color = Icon("color.png");
        using var outline = Icon("outline.png");

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = outline.Pixels;
        Assert.All(pixels, p => Assert.True(p.Alpha == 0 || (p.Alpha == 255 && p.Red == 255 && p.Green == 255 && p.Blue == 255), $"outline pixel {p}"));
        Assert.Contains(pixels, p => p.Alpha == 0);
        Assert.Contains(pixels, p => p.Alpha == 255);
    }

    [Fact]
    public async Task Refuses_ids_that_are_not_GUIDs_and_writes_nothing()
    {
        var zipPath = Path.Combine(_workspace.Folder, "teams.zip");

        var run = await CliProcess.RunAsync(_workspace.Folder, "teams", "package", "--app-id", AppId, "--bot-id", "my-bot", "--host", "actionlytics.contoso.com", "--output", zipPath);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--bot-id must be a GUID", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }
}
