namespace Actionlytics.Knowledge.Playbooks;

/// <summary>A motivation-science playbook from <c>prompts/playbooks</c>: what it is for, the evidence behind it, and its sections.</summary>
public sealed record Playbook(
    string Id,
    string Title,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Channels,
    string Tone,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<PlaybookSection> Sections,
    string SourcePath,
    string ContentHash)
{
    /// <summary>How managers describe the situations the playbook answers (optional; used by search, never shown).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Other playbooks to read alongside this one (optional); search brings them along with a strong match.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The front-matter line of <see cref="Related"/>, so a link to a missing playbook can be reported where it is.</summary>
    public int RelatedLine { get; init; }

    public PlaybookSection? Section(string heading) =>
        Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One <c>## </c> section of a playbook, with the line it starts on.</summary>
public sealed record PlaybookSection(string Heading, string Text, int Line);
