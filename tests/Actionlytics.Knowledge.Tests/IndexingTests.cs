using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Knowledge.Tests;

public sealed class IndexingTests : IDisposable
{
    private readonly DirectoryInfo _playbooks = Directory.CreateTempSubdirectory("playbooks-");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("knowledge-data-");

    public IndexingTests()
    {
        PlaybookLibraryTests.CopyUnlinked(PlaybookLibraryTests.Shipped.Playbooks.Take(4), _playbooks.FullName);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _playbooks.Delete(recursive: true);
        _data.Delete(recursive: true);
    }

    private PlaybookKnowledge Create() => KnowledgeFactory.Create(new KnowledgeOptions { PlaybookFolder = _playbooks.FullName, DataFolder = _data.FullName });

    [Fact]
    public async Task Embeds_again_only_the_sections_that_changed_and_drops_removed_playbooks()
    {
        using (var first = Create())
        {
            var initial = await first.IndexAsync();
            Assert.Equal(initial.Chunks, initial.Embedded);
        }

        var files = Directory.GetFiles(_playbooks.FullName).Order(StringComparer.Ordinal).ToArray();
        var edited = File.ReadAllText(files[0]).Replace("## When not to use\n", "## When not to use\nA new first line.\n", StringComparison.Ordinal);
        File.WriteAllText(files[0], edited);
        File.Delete(files[1]);

        using var second = Create();
        var report = await second.IndexAsync();

        Assert.Equal(1, report.Embedded);
        Assert.Equal(6, report.Removed);
        Assert.Equal(report.Chunks - 1, report.Unchanged);
    }

    [Fact]
    public async Task Indexes_nothing_when_one_playbook_is_broken()
    {
        using (var first = Create())
        {
            await first.IndexAsync();
        }
        var file = Directory.GetFiles(_playbooks.FullName).Order(StringComparer.Ordinal).First();
        File.WriteAllText(file, File.ReadAllText(file).Replace("needs: [", "needs: [wellbeing, ", StringComparison.Ordinal));

        var error = Assert.Throws<PlaybookFormatException>(() => Create());

        Assert.Equal(file, error.Path);
        Assert.Contains("'wellbeing' is not one of the needs", error.Message);
    }
}
