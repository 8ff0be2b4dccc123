using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Conversations;

/// <summary>Charts and exports the tools produce, kept in the store so every channel serves the same file.</summary>
public sealed class ArtifactStore(ActionlyticsDbContext db, TimeProvider time)
{
    public async Task<StoredArtifact> SaveAsync(int communityId, string title, string fileName, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var artifact = new StoredArtifact
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = communityId,
            Title = title.Length > 200 ? title[..200] : title,
            FileName = fileName,
            MediaType = mediaType,
            Content = content,
            CreatedAt = time.GetUtcNow(),
        };
        db.Artifacts.Add(artifact);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(artifact).State = EntityState.Detached;
        return artifact;
    }

    public Task<StoredArtifact?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Artifacts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}
