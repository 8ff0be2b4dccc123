using System.Text.Json;

namespace Actionlytics.Tests.Tools.Blind;

/// <summary>What the agent answered to one blind question, with the calls it made and the automatic grade.</summary>
internal sealed record BlindAnswer(
    string Id, string Language, string Question, string? Follows, BlindGrade Grade, JsonElement Expected, IReadOnlyList<string> Calls, string Answer);
