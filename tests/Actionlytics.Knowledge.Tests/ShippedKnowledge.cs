namespace Actionlytics.Knowledge.Tests;

/// <summary>The shipped playbooks indexed with the embedded defaults (lexical embedding, SQLite vectors) in a temporary folder.</summary>
public sealed class ShippedKnowledge : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("knowledge-test-");

    public ShippedKnowledge()
    {
        Knowledge = KnowledgeFactory.Create(new KnowledgeOptions { DataFolder = _folder.FullName });
        Knowledge.IndexAsync().GetAwaiter().GetResult();
    }

    public PlaybookKnowledge Knowledge { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
