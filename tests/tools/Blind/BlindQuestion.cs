using System.Text.Json;

namespace Actionlytics.Tests.Tools.Blind;

/// <summary>One question of a blind set, as its writer left it: the expected figures are what SQL over the raw file gave.</summary>
/// <param name="Follows">The question asked just before this one in the same conversation (a follow-up), or null.</param>
internal sealed record BlindQuestion(string Id, string Language, string Question, string? ExpectedKind, JsonElement Expected, string? Follows)
{
    /// <summary>Reads a set's questions.json: a list, or an object whose <c>questions</c> holds the list.</summary>
    public static IReadOnlyList<BlindQuestion> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var list = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("questions");
        return [.. list.EnumerateArray().Select(q => new BlindQuestion(
            q.GetProperty("id").GetString()!,
            q.GetProperty("language").GetString()!,
            q.GetProperty("question").GetString()!,
            q.TryGetProperty("expected_kind", out var kind) ? kind.GetString() : null,
            q.TryGetProperty("expected", out var expected) ? expected.Clone() : default,
            q.TryGetProperty("follows", out var follows) ? follows.GetString() : null))];
    }

    /// <summary>Whether the right answer is an honest "the data cannot say".</summary>
    public bool IsUnanswerable => ExpectedKind == "unanswerable"
        || (Expected.ValueKind == JsonValueKind.Object && Expected.TryGetProperty("outcome", out var outcome)
            && outcome.ToString().Contains("unanswerable", StringComparison.Ordinal));
}
