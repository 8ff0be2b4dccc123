using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Actionlytics.Cli.Tests;

/// <summary>Runs the built <c>actionlytics</c> program in a child process.</summary>
public static class CliProcess
{
    public static string AssemblyPath { get; } = Path.GetFullPath(
        typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!);

    public sealed record Result(int ExitCode, string Output, string Error);

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}

/// <summary>A temporary folder with a store file for one test.</summary>
public sealed class Workspace : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("actionlytics-cli-test-");

    public string Folder => _folder.FullName;

    public string Database => Path.Combine(Folder, "store.db");

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(Folder, [.. args, "--db", Database]);

    public async Task<long> EventCountAsync(string community)
    {
        var list = await RunAsync("community", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(list.Output);
        return json.RootElement.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == community).GetProperty("events").GetInt64();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
