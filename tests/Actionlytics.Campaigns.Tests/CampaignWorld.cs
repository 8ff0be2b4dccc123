using Actionlytics.Campaigns;
using Actionlytics.Knowledge;
using Actionlytics.Agent;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Demo;
using Actionlytics.Data;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Campaigns.Tests;

/// <summary>
/// A real SQLite store with a demo community, and the product's services configured as a test needs them (an SMTP
/// server, a webhook receiver, quiet hours). The demo's seeder makes <c>local</c> its admin; a viewer is added.
/// </summary>
public sealed class CampaignWorld : IAsyncDisposable
{
    public const string Community = "demo";
    public const string Manager = CommunityRoles.LocalUser;
    public const string Viewer = "viewer@example.org";

    public const string PostgresVariable = "ACTIONLYTICS_TEST_POSTGRES";

    private readonly DirectoryInfo _folder;
    private readonly Func<Task> _dropDatabase;

    private CampaignWorld(ServiceProvider services, DirectoryInfo folder, Func<Task> dropDatabase)
    {
        Services = services;
        _folder = folder;
        _dropDatabase = dropDatabase;
    }

    public ServiceProvider Services { get; }

    /// <param name="provider"><c>Sqlite</c> (a new file) or <c>Postgres</c> (a new database on the server scripts/test.sh starts).</param>
    public static async Task<CampaignWorld> CreateAsync(IReadOnlyDictionary<string, string?> settings, int members = 1500, string provider = "Sqlite")
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-campaigns-");
        var all = new Dictionary<string, string?>(settings)
        {
            ["Store:Provider"] = provider,
            ["Store:SqlitePath"] = Path.Combine(folder.FullName, "store.db"),
            ["Knowledge:DataFolder"] = Path.Combine(folder.FullName, "knowledge"),
        };
        Func<Task> dropDatabase = () => Task.CompletedTask;
        if (provider == "Postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts a PostgreSQL server.");
            var database = $"actionlytics_campaigns_{Guid.NewGuid():N}";
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            all["Store:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
            dropDatabase = async () =>
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var admin = new Npgsql.NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            };
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddActionlyticsStore(configuration);
        services.AddActionlyticsKnowledge(configuration);
        services.AddActionlyticsCampaigns(configuration);
        services.AddActionlyticsAgent(configuration);
        var world = new CampaignWorld(services.BuildServiceProvider(), folder, dropDatabase);

        await world.InScope(async s =>
        {
            await s.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
            await s.GetRequiredService<DemoCommunitySeeder>().SeedAsync(
                new DemoCommunitySpec(members, 12, 7, DateOnly.FromDateTime(DateTime.UtcNow)), Community, "Northwind", replace: false);
            var demo = await s.GetRequiredService<CommunityDirectory>().GetAsync(Community, CancellationToken.None);
            await s.GetRequiredService<CommunityRoles>().GrantAsync(demo.Id, Viewer, CommunityRole.Viewer, CancellationToken.None);
            return 0;
        });
        return world;
    }

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> Campaigns<T>(Func<CampaignService, Task<T>> work) => InScope(s => work(s.GetRequiredService<CampaignService>()));

    public Task<Delivery.DispatchReport> DispatchAsync(long campaignId) =>
        InScope(s => s.GetRequiredService<Delivery.OutboxDispatcher>().RunAsync(campaignId, null, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _dropDatabase();
        _folder.Delete(recursive: true);
    }
}
