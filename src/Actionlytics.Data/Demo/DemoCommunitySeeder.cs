using Actionlytics.Core.Demo;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;

namespace Actionlytics.Data.Demo;

/// <summary>Writes a generated demo community through the ordinary import path.</summary>
public sealed class DemoCommunitySeeder(CommunityDirectory communities, MemberImporter members, EventImporter events)
{
    /// <summary>Creates the community and fills it. Fails if the slug is taken, unless <paramref name="replace"/> deletes it first.</summary>
    public async Task<DemoSeedResult> SeedAsync(
        DemoCommunitySpec spec, string slug, string name, bool replace,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (replace)
        {
            await communities.DeleteAsync(slug, cancellationToken);
        }
        await communities.CreateAsync(slug, name, spec.TimeZone, null, CommunityRoles.LocalUser, cancellationToken);

        var generator = new DemoCommunityGenerator(spec);
        var options = new ImportOptions();
        var memberReport = await members.ImportAsync(slug, generator.Members(), options, cancellationToken);
        var eventReport = await events.ImportAsync(slug, generator.Events(), options, progress, cancellationToken);
        return new DemoSeedResult(slug, memberReport.Imported, eventReport.Imported, eventReport.ElapsedSeconds + memberReport.ElapsedSeconds);
    }
}

/// <summary>What a demo seeding wrote.</summary>
public sealed record DemoSeedResult(string Community, long Members, long Events, double ElapsedSeconds);
