using Actionlytics.Agent;
using Actionlytics.Campaigns;
using Actionlytics.Data;
using Actionlytics.Data.Store;
using Actionlytics.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Benchmarks;

/// <summary>The whole product's services as the CLI composes them, on a SQLite file in a scratch folder, the store created.</summary>
internal static class BenchmarkServices
{
    public static async Task<ServiceProvider> StartAsync(DirectoryInfo folder, CancellationToken cancellationToken, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Store:SqlitePath"] = Path.Combine(folder.FullName, "store.db"),
            ["Knowledge:DataFolder"] = Path.Combine(folder.FullName, "knowledge"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddActionlyticsStore(configuration);
        services.AddActionlyticsKnowledge(configuration);
        services.AddActionlyticsCampaigns(configuration);
        services.AddActionlyticsAgent(configuration);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        return provider;
    }
}
