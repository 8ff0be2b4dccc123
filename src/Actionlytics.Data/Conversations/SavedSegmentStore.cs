using System.Text.Json;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Conversations;

/// <summary>Named member lists frozen for later campaigns.</summary>
public sealed class SavedSegmentStore(ActionlyticsDbContext db, TimeProvider time)
{
    public async Task<SavedSegment> CreateAsync(
        int communityId, string name, string definition, int inactiveAfterDays, IReadOnlyList<string> memberIds, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (await db.SavedSegments.AnyAsync(s => s.CommunityId == communityId && s.Name == name, cancellationToken))
        {
            throw new SavedSegmentExistsException(name);
        }
        var segment = new SavedSegment
        {
            CommunityId = communityId,
            Name = name,
            Definition = definition,
            MemberIdsJson = JsonSerializer.Serialize(memberIds),
            MemberCount = memberIds.Count,
            InactiveAfterDays = inactiveAfterDays,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        db.SavedSegments.Add(segment);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(segment).State = EntityState.Detached;
        return segment;
    }

    public Task<SavedSegment?> FindAsync(int communityId, string name, CancellationToken cancellationToken) =>
        db.SavedSegments.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == communityId && s.Name == name, cancellationToken);

    public async Task<IReadOnlyList<SavedSegment>> ListAsync(int communityId, CancellationToken cancellationToken) =>
        await db.SavedSegments.AsNoTracking().Where(s => s.CommunityId == communityId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
}

/// <summary>A saved segment of that name already exists in the community.</summary>
public sealed class SavedSegmentExistsException(string name) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.Conflict, $"A saved segment named '{name}' already exists: choose another name.");
