using Actionlytics.Campaigns;
using Actionlytics.Knowledge;
using Actionlytics.Data.Communities;
using Actionlytics.Core.Demo;
using Actionlytics.Data;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>The agent on a real SQLite file holding a small demo community, with the offline planner and the shipped prompts and playbooks.</summary>
public class DemoAgent : IAsyncLifetime
{
    public const string Community = "demo";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agent-test-");

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Store:SqlitePath"] = Path.Combine(_folder.FullName, "store.db"),
            ["Knowledge:DataFolder"] = Path.Combine(_folder.FullName, "knowledge"),
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddActionlyticsStore(configuration);
        services.AddActionlyticsKnowledge(configuration);
        services.AddActionlyticsCampaigns(configuration);
        services.AddActionlyticsAgent(configuration);
        Services = services.BuildServiceProvider();

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await scope.ServiceProvider.GetRequiredService<DemoCommunitySeeder>().SeedAsync(
            new DemoCommunitySpec(1500, 12, 7, today), Community, "Demo", replace: false);
        var demo = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync(Community, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<CommunityRoles>().GrantAsync(demo.Id, Manager, Core.Communities.CommunityRole.Manager, CancellationToken.None);
    }

    /// <summary>Configuration on top of the embedded defaults (a model provider, for instance).</summary>
    /// <summary>The person the tests ask as: a manager of the demo community.</summary>
    public const string Manager = "manager@example.org";

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    public virtual async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
