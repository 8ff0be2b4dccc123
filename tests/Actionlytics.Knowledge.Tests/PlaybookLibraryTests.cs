using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Knowledge.Tests;

/// <summary>The playbooks shipped in prompts/playbooks, as the product loads them.</summary>
public class PlaybookLibraryTests
{
    public static PlaybookLibrary Shipped { get; } = PlaybookLibrary.Load(PlaybookLibrary.DefaultFolder());

    /// <summary>Copies shipped playbooks into a folder without their <c>related</c> links, which would point outside the copy.</summary>
    internal static void CopyUnlinked(IEnumerable<Playbook> playbooks, string folder)
    {
        foreach (var playbook in playbooks)
        {
            var lines = File.ReadAllLines(playbook.SourcePath).Where(l => !l.StartsWith("related:", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(playbook.SourcePath)), string.Join('\n', lines) + "\n");
        }
    }

    [Fact]
    public void Ships_at_least_forty_valid_playbooks_covering_the_three_needs_and_all_channels()
    {
        Assert.True(Shipped.Playbooks.Count >= 40, $"{Shipped.Playbooks.Count} playbooks");
        Assert.All(PlaybookVocabulary.Needs, need => Assert.True(Shipped.Playbooks.Count(p => p.Needs.Contains(need)) >= 8, need));
        Assert.All(PlaybookVocabulary.Channels, channel => Assert.Contains(Shipped.Playbooks, p => p.Channels.Contains(channel)));
    }

    [Fact]
    public void Gives_every_playbook_bilingual_example_messages_using_only_known_tokens()
    {
        string[] tokens = ["first_name", "community_name", "days_since_last_visit", "last_activity", "progress_summary",
            "suggested_content", "manager_name", "preferences_link", "unsubscribe_link"];
        foreach (var playbook in Shipped.Playbooks)
        {
            var english = playbook.Section("Example message (English)")!.Text;
            var french = playbook.Section("Example message (French)")!.Text;
            Assert.StartsWith("Subject:", english.TrimStart('*', ' '), StringComparison.Ordinal);
            Assert.Contains("Objet", french[..Math.Min(20, french.Length)], StringComparison.Ordinal);
            foreach (var token in System.Text.RegularExpressions.Regex.Matches(english + french, @"\{\{(\w+)\}\}").Select(m => m.Groups[1].Value))
            {
                Assert.True(tokens.Contains(token), $"{playbook.Id}: unknown token {{{{{token}}}}}");
            }
            Assert.True(english.Contains("{{preferences_link}}", StringComparison.Ordinal) || english.Contains("{{unsubscribe_link}}", StringComparison.Ordinal),
                $"{playbook.Id}: the English message offers no way to stop");
        }
    }

    [Fact]
    public void Fails_the_whole_load_on_one_broken_file_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("playbooks-");
        try
        {
            CopyUnlinked(Shipped.Playbooks.Take(3), folder.FullName);
            File.WriteAllText(Path.Combine(folder.FullName, "broken.md"),
                "---\nid: broken\ntitle: Broken\nneeds: [joy]\nprofiles: [any]\nsegments: [any]\nchannels: [email]\ntone: calm\nevidence: [x]\n---\n");

            var error = Assert.Throws<PlaybookFormatException>(() => PlaybookLibrary.Load(folder.FullName));

            Assert.EndsWith("broken.md", error.Path);
            Assert.Equal(4, error.Line);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Links_every_playbook_to_two_to_four_existing_others()
    {
        var ids = Shipped.Playbooks.Select(p => p.Id).ToHashSet();
        Assert.All(Shipped.Playbooks, p =>
        {
            Assert.InRange(p.Related.Count, 2, 4);
            Assert.All(p.Related, r => Assert.Contains(r, ids));
            Assert.DoesNotContain(p.Id, p.Related);
        });
    }

    [Fact]
    public void Names_the_file_and_line_of_a_link_to_a_missing_playbook()
    {
        var folder = Directory.CreateTempSubdirectory("playbooks-");
        try
        {
            var source = Shipped.Find("quiz-failure-recovery")!;
            var lines = File.ReadAllLines(source.SourcePath).ToList();
            var at = lines.FindIndex(l => l.StartsWith("related:", StringComparison.Ordinal));
            lines[at] = "related: [optimal-challenge, no-such-playbook]";
            File.WriteAllLines(Path.Combine(folder.FullName, "quiz-failure-recovery.md"), lines);
            CopyUnlinked([Shipped.Find("optimal-challenge")!], folder.FullName);

            var error = Assert.Throws<PlaybookFormatException>(() => PlaybookLibrary.Load(folder.FullName));

            Assert.EndsWith("quiz-failure-recovery.md", error.Path);
            Assert.Equal(at + 1, error.Line);
            Assert.Contains("no-such-playbook", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
