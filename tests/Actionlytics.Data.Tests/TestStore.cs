using System.Text;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Actionlytics.Data.Tests;

/// <summary>
/// A real, empty store for one test: a new SQLite file, or a new database on the PostgreSQL server that
/// scripts/test.sh starts (its connection string is in ACTIONLYTICS_TEST_POSTGRES).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "ACTIONLYTICS_TEST_POSTGRES";

    private readonly Func<Task> _cleanup;

    private readonly Dictionary<string, string?> _settings;

    private TestStore(ServiceProvider services, StoreProvider provider, Dictionary<string, string?> settings, Func<Task> cleanup)
    {
        Services = services;
        Provider = provider;
        _settings = settings;
        _cleanup = cleanup;
    }

    public ServiceProvider Services { get; }

    public StoreProvider Provider { get; }

    public static Task<TestStore> CreateAsync(StoreProvider provider) =>
        provider == StoreProvider.Sqlite ? CreateSqliteAsync() : CreatePostgresAsync();

    private static async Task<TestStore> CreateSqliteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-test-");
        var store = await StartAsync(StoreProvider.Sqlite, new()
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:SqlitePath"] = Path.Combine(folder.FullName, "store.db"),
        }, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
        return store;
    }

    private static async Task<TestStore> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts a PostgreSQL server.");
        var database = $"actionlytics_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        return await StartAsync(StoreProvider.Postgres, new()
        {
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = connectionString,
        }, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static async Task<TestStore> StartAsync(StoreProvider provider, Dictionary<string, string?> settings, Func<Task> cleanup)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).BuildServiceProvider(validateScopes: true);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        }
        return new TestStore(services, provider, settings, cleanup);
    }

    /// <summary>The same store seen by another process: its own services and caches; disposing it leaves the store.</summary>
    public Task<TestStore> SecondProcessAsync() => StartAsync(Provider, _settings, () => Task.CompletedTask);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task CreateCommunityAsync(string slug, string timeZone = "UTC") =>
        WithScopeAsync(sp => sp.GetRequiredService<CommunityDirectory>().CreateAsync(slug, null, timeZone, null, "test-owner", CancellationToken.None));

    public Task<ImportReport> ImportEventsAsync(string slug, string text, ImportOptions? options = null, ImportFormat format = ImportFormat.Csv, CancellationToken cancellationToken = default) =>
        WithScopeAsync(sp => sp.GetRequiredService<EventImporter>().ImportAsync(
            slug, new MemoryStream(Encoding.UTF8.GetBytes(text)), format, options ?? new ImportOptions(), null, cancellationToken));

    public Task<ImportReport> ImportMembersAsync(string slug, string csv, ImportOptions? options = null) =>
        WithScopeAsync(sp => sp.GetRequiredService<MemberImporter>().ImportAsync(
            slug, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, options ?? new ImportOptions()));

    public Task<T> QueryAsync<T>(Func<ActionlyticsDbContext, Task<T>> query) =>
        WithScopeAsync(sp => query(sp.GetRequiredService<ActionlyticsDbContext>()));

    public Task<int> CountEventsAsync() => QueryAsync(db => db.Events.CountAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _cleanup();
    }
}
