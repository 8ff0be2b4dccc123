using System.Text.Json;

namespace Actionlytics.Tests.Tools.Blind;

/// <summary>
/// One blind set's folder under tests/Actionlytics.Agent.Tests/Utterances/blind: its questions, where its raw data is
/// (its own events.csv and members.csv, or the shared data folder its questions name), and the misses it is known for.
/// </summary>
internal sealed record BlindSet(string Name, string Folder, string? DataFolder)
{
    public static string Root(string repository) => Path.Combine(repository, "tests", "Actionlytics.Agent.Tests", "Utterances", "blind");

    public static IReadOnlyList<BlindSet> All(string repository) =>
        [.. Directory.GetDirectories(Root(repository)).Where(d => File.Exists(Path.Combine(d, "questions.json")))
            .Order(StringComparer.Ordinal).Select(d => new BlindSet(Path.GetFileName(d), d, FindData(d, repository)))];

    public IReadOnlyList<BlindQuestion> Questions() => BlindQuestion.Load(Path.Combine(Folder, "questions.json"));

    /// <summary>The questions this set is known to miss on the current planner, with why (<c>known-misses.json</c>); every other one must be answered right.</summary>
    public IReadOnlyDictionary<string, string> KnownMisses()
    {
        var path = Path.Combine(Folder, "known-misses.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))! : new Dictionary<string, string>();
    }

    private static string? FindData(string folder, string repository)
    {
        if (File.Exists(Path.Combine(folder, "events.csv")))
        {
            return folder;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "questions.json")));
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data))
        {
            var shared = Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", data.GetString()!));
            return File.Exists(Path.Combine(shared, "events.csv")) ? shared : null;
        }
        return null;
    }
}
