using System.Diagnostics;
using Actionlytics.Tests.Tools;
using Xunit.Abstractions;

namespace Actionlytics.Cli.Tests;

/// <summary>
/// The commands the README and docs/ show as runnable run as written (scripts/check-docs.sh). The docs' blocks build
/// the CLI in Release (a no-op after CI's Release build of the solution), so this runs alone: no other test of this
/// project uses the program while a build might replace it.
/// </summary>
[CollectionDefinition(nameof(DocsCommandsTests), DisableParallelization = true)]
public sealed class DocsCommandsCollection;

[Collection(nameof(DocsCommandsTests))]
public sealed class DocsCommandsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_runnable_block_of_the_readme_and_the_docs_runs()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = TestTools.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("scripts", "check-docs.sh"));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var printed = await stdout + await stderr;
        output.WriteLine(printed);

        Assert.True(process.ExitCode == 0, $"scripts/check-docs.sh exited with {process.ExitCode}:\n{printed}");
    }
}
