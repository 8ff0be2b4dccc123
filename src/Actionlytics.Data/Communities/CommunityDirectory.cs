using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Communities;

/// <summary>Finds, lists and creates communities.</summary>
public sealed class CommunityDirectory(ActionlyticsDbContext db, TimeProvider time)
{
    public Task<Community?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    /// <summary>The slug of the community with this store id, or null.</summary>
    public Task<string?> SlugOfAsync(int id, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken);

    public async Task<Community> GetAsync(string slug, CancellationToken cancellationToken) =>
        await FindAsync(slug, cancellationToken) ?? throw new CommunityNotFoundException(slug);

    /// <summary>Creates a community; <paramref name="owner"/> becomes its admin.</summary>
    public async Task<Community> CreateAsync(string slug, string? name, string? timeZone, int? inactivityThresholdDays, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (!CommunitySlug.IsValid(slug))
        {
            throw new CommunityDefinitionException($"'{slug}' is not a valid slug: use 2 to 64 lowercase letters, digits or dashes, starting with a letter or digit.");
        }
        timeZone ??= "UTC";
        if (!CommunityCalendar.IsKnownZone(timeZone))
        {
            throw new CommunityDefinitionException($"Unknown time zone '{timeZone}'. Use an IANA id such as Europe/Paris or UTC.");
        }
        var threshold = inactivityThresholdDays ?? Community.DefaultInactivityThresholdDays;
        if (threshold is < 1 or > 3650)
        {
            throw new CommunityDefinitionException("The inactivity threshold must be between 1 and 3650 days.");
        }
        if (await db.Communities.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            throw new CommunityDefinitionException($"A community '{slug}' already exists.");
        }

        var community = new Community
        {
            Slug = slug,
            Name = string.IsNullOrWhiteSpace(name) ? slug : name.Trim(),
            TimeZone = timeZone,
            InactivityThresholdDays = threshold,
            CreatedAt = time.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Communities.Add(community);
        await db.SaveChangesAsync(cancellationToken);
        var membership = new CommunityMembership { CommunityId = community.Id, UserId = owner, Role = Core.Communities.CommunityRole.Admin };
        db.CommunityMemberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(community).State = EntityState.Detached;
        db.Entry(membership).State = EntityState.Detached;
        return community;
    }

    /// <summary>Deletes a community with all its members and events.</summary>
    public async Task<bool> DeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var community = await FindAsync(slug, cancellationToken);
        if (community is null)
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MemberDays.Where(d => d.CommunityId == community.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CommunityDays.Where(d => d.CommunityId == community.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Events.Where(e => e.CommunityId == community.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Members.Where(m => m.CommunityId == community.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Communities.Where(c => c.Id == community.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<CommunitySummary>> ListAsync(CancellationToken cancellationToken)
    {
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(cancellationToken);
        var summaries = new List<CommunitySummary>(communities.Count);
        foreach (var community in communities)
        {
            summaries.Add(await SummarizeAsync(community, cancellationToken));
        }
        return summaries;
    }

    public async Task<CommunitySummary> SummarizeAsync(Community community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        var members = await db.Members.LongCountAsync(m => m.CommunityId == community.Id, cancellationToken);
        var events = await db.Events.LongCountAsync(e => e.CommunityId == community.Id, cancellationToken);
        var days = db.MemberDays.Where(d => d.CommunityId == community.Id).Select(d => d.Day);
        var first = await days.OrderBy(d => d).Select(d => (DateOnly?)d).FirstOrDefaultAsync(cancellationToken);
        var last = await days.OrderByDescending(d => d).Select(d => (DateOnly?)d).FirstOrDefaultAsync(cancellationToken);
        return new CommunitySummary(community.Slug, community.Name, community.TimeZone, community.InactivityThresholdDays, members, events, first, last);
    }
}
