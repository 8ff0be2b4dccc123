using System.Diagnostics;
using System.Text.Json;
using Actionlytics.Tests.Tools;

namespace Actionlytics.Server.Tests;

/// <summary>
/// Validates Adaptive Cards with Microsoft's object model for schema 1.5 (npm <c>adaptivecards</c>, run in Node by
/// <c>tests/tools/validate-adaptive-cards.js</c>): the official JSON schema itself is not published in any package
/// this machine can install, the object model is the parser Teams' and Web Chat's renderers use.
/// </summary>
public static class AdaptiveCardValidator
{
    /// <summary>For each card, the problems found (empty when it is valid).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ValidateAsync(IEnumerable<JsonElement> cards)
    {
        TestTools.NpmPackagePath("adaptivecards");
        var tools = TestTools.Folder;
        var start = new ProcessStartInfo("node", Path.Combine(tools, "validate-adaptive-cards.js"))
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(cards));
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException("The Adaptive Cards validator failed: " + await errors);
        }
        return JsonSerializer.Deserialize<List<List<string>>>(await output)!;
    }
}
