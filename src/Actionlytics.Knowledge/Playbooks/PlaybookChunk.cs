namespace Actionlytics.Knowledge.Playbooks;

/// <summary>One section of one playbook, the unit that is embedded, stored and found; with what a citation needs.</summary>
public sealed record PlaybookChunk(
    string Key,
    string PlaybookId,
    string Title,
    string Section,
    string Text,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<string> Segments,
    string ContentHash)
{
    /// <summary>How managers describe the playbook's situations: indexed with every section, never quoted.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The playbook's related playbooks (see <see cref="Playbook.Related"/>).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>What is embedded and indexed: the playbook's title, its keywords and the section's heading give the section its context.</summary>
    public string SearchText => $"{Title}\n{string.Join(", ", Keywords)}\n{Section}\n{Text}";

    /// <summary>Chunks a playbook by section; each chunk's hash changes only when its own text or the playbook's metadata does.</summary>
    public static IEnumerable<PlaybookChunk> From(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        foreach (var section in playbook.Sections)
        {
            var key = $"{playbook.Id}#{Slug(section.Heading)}";
            var hashed = string.Join('\n', key, playbook.Title, string.Join(',', playbook.Needs), string.Join(',', playbook.Channels),
                string.Join(',', playbook.Profiles), string.Join(',', playbook.Segments), string.Join(',', playbook.Keywords), section.Text);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hashed)))[..16];
            yield return new PlaybookChunk(key, playbook.Id, playbook.Title, section.Heading, section.Text,
                playbook.Needs, playbook.Channels, playbook.Profiles, playbook.Segments, hash)
            {
                Keywords = playbook.Keywords,
                Related = playbook.Related,
            };
        }
    }

    private static string Slug(string heading) =>
        string.Join('-', Search.TextAnalyzer.Words(heading));
}
