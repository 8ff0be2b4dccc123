using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Communities;

/// <summary>Who holds which role in which community: the one place every channel (API, CLI, chat, Teams) asks.</summary>
public sealed class CommunityRoles(ActionlyticsDbContext db)
{
    /// <summary>The person on this machine's console or loopback API without a key; the embedded default makes them admin of the demo.</summary>
    public const string LocalUser = "local";

    public async Task<CommunityRole?> RoleAsync(int communityId, string userId, CancellationToken cancellationToken) =>
        await db.Set<CommunityMembership>().AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(m => (CommunityRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The user's role in the community with this slug; null when they have none (or there is no such community).</summary>
    public async Task<CommunityRole?> RoleAsync(string communitySlug, string userId, CancellationToken cancellationToken) =>
        await db.Set<CommunityMembership>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Communities.Where(c => c.Slug == communitySlug), m => m.CommunityId, c => c.Id, (m, _) => (CommunityRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every community the user holds a role in, by slug.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name, CommunityRole Role)>> RolesOfAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<CommunityMembership>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Communities, m => m.CommunityId, c => c.Id, (m, c) => new { c.Slug, c.Name, m.Role })
            .ToListAsync(cancellationToken))
        .OrderBy(r => r.Slug, StringComparer.Ordinal)
        .Select(r => (r.Slug, r.Name, r.Role))
        .ToList();

    /// <summary>Throws <see cref="RoleRequiredException"/> unless <paramref name="userId"/> holds <paramref name="role"/> or above.</summary>
    public async Task RequireAsync(int communityId, string communitySlug, string userId, CommunityRole role, string toDo, CancellationToken cancellationToken)
    {
        var held = await RoleAsync(communityId, userId, cancellationToken);
        if (held is null || held < role)
        {
            throw new RoleRequiredException($"Only a {role.ToString().ToLowerInvariant()} of '{communitySlug}' may {toDo}; {userId} is {(held is null ? "not a member" : "a " + held.Value.ToString().ToLowerInvariant())} there.");
        }
    }

    /// <summary>Gives <paramref name="userId"/> exactly <paramref name="role"/> in the community (idempotent).</summary>
    public async Task GrantAsync(int communityId, string userId, CommunityRole role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var existing = await db.Set<CommunityMembership>().FirstOrDefaultAsync(m => m.CommunityId == communityId && m.UserId == userId, cancellationToken);
        if (existing is null)
        {
            db.Add(new CommunityMembership { CommunityId = communityId, UserId = userId, Role = role });
        }
        else
        {
            existing.Role = role;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The caller lacks the role an action needs.</summary>
public sealed class RoleRequiredException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.Forbidden, message);
