using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Conversations;

/// <summary>Threads and their messages, per user and community, so a conversation can be resumed anywhere.</summary>
public sealed class ConversationStore(ActionlyticsDbContext db, TimeProvider time)
{
    public async Task<ChatThread> CreateThreadAsync(int communityId, string userId, string title, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var thread = new ChatThread
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = communityId,
            UserId = userId,
            Title = title.Length > 200 ? title[..200] : title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ChatThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        return thread;
    }

    public Task<ChatThread?> FindThreadAsync(string id, CancellationToken cancellationToken) =>
        db.ChatThreads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>A user's threads in a community, the latest first.</summary>
    public async Task<IReadOnlyList<ChatThread>> ListThreadsAsync(int communityId, string userId, CancellationToken cancellationToken) =>
        (await db.ChatThreads.AsNoTracking().Where(t => t.CommunityId == communityId && t.UserId == userId).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.UpdatedAt).ToList();

    public async Task<IReadOnlyList<ChatMessageRecord>> MessagesAsync(string threadId, CancellationToken cancellationToken) =>
        await db.ChatMessages.AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);

    /// <summary>Appends a turn's messages after the thread's last one, all or none.</summary>
    public async Task AppendAsync(string threadId, IReadOnlyList<(string Role, string ContentJson)> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var thread = await db.ChatThreads.FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken)
            ?? throw new InvalidOperationException($"No thread {threadId}.");
        var next = await db.ChatMessages.Where(m => m.ThreadId == threadId).Select(m => (int?)m.Sequence).MaxAsync(cancellationToken) ?? -1;
        var now = time.GetUtcNow();
        foreach (var (role, json) in messages)
        {
            db.ChatMessages.Add(new ChatMessageRecord { ThreadId = threadId, Sequence = ++next, Role = role, ContentJson = json, CreatedAt = now });
        }
        thread.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        db.ChangeTracker.Clear();
    }
}
