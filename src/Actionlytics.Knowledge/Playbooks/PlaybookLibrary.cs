namespace Actionlytics.Knowledge.Playbooks;

/// <summary>Every playbook of a folder, all parsed before any is used: one broken file fails the whole load, naming it.</summary>
public sealed class PlaybookLibrary
{
    private PlaybookLibrary(IReadOnlyList<Playbook> playbooks) => Playbooks = playbooks;

    public IReadOnlyList<Playbook> Playbooks { get; }

    public Playbook? Find(string id) => Playbooks.FirstOrDefault(p => p.Id == id);

    public static PlaybookLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No playbook folder at {folder}.");
        }
        var playbooks = new List<Playbook>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            playbooks.Add(PlaybookParser.Parse(path, File.ReadAllText(path)));
        }
        var duplicate = playbooks.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PlaybookFormatException(duplicate.Last().SourcePath, 1, $"id '{duplicate.Key}' is used by two playbooks");
        }
        var ids = playbooks.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var playbook in playbooks)
        {
            var unknown = playbook.Related.FirstOrDefault(r => !ids.Contains(r) || r == playbook.Id);
            if (unknown is not null)
            {
                throw new PlaybookFormatException(playbook.SourcePath, playbook.RelatedLine,
                    unknown == playbook.Id ? "a playbook cannot be related to itself" : $"related playbook '{unknown}' does not exist");
            }
        }
        return new PlaybookLibrary(playbooks);
    }

    /// <summary>The <c>prompts/playbooks</c> folder: next to the program when published, else found by walking up from it (a source checkout).</summary>
    public static string DefaultFolder() => Actionlytics.Core.PromptFolders.Locate("playbooks");
}
