using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>
/// The whole server on Kestrel, on a free loopback port, with its own SQLite file: tests talk to it over real HTTP.
/// The demo community is small so that it is ready in a second or two.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("actionlytics-server-test-");
    private readonly Dictionary<string, string?> _settings;

    public ServerFactory(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:SqlitePath"] = Path.Combine(_folder.FullName, "store.db"),
            ["Knowledge:DataFolder"] = Path.Combine(_folder.FullName, "knowledge"),
            ["Demo:Members"] = "150",
            ["Demo:Months"] = "4",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
        UseKestrel(0);
    }

    /// <summary>The settings of API keys: each a name, its secret, the communities it may use (none: all) and whether it may write.</summary>
    public static Dictionary<string, string?> ApiKeys(params (string Name, string Key, string? Community, bool CanWrite)[] keys)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Api:Keys:{i}:Name"] = keys[i].Name;
            settings[$"Api:Keys:{i}:Key"] = keys[i].Key;
            settings[$"Api:Keys:{i}:CanWrite"] = keys[i].CanWrite ? "true" : "false";
            if (keys[i].Community is { } community)
            {
                settings[$"Api:Keys:{i}:Communities:0"] = community;
            }
        }
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client of the running server, with a generous timeout for the first requests.</summary>
    public HttpClient CreateServerClient()
    {
        StartServer();
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    /// <summary>Waits until /health says Healthy (the demo community is ready).</summary>
    public async Task<HttpClient> CreateHealthyClientAsync()
    {
        var client = CreateServerClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string health;
        do
        {
            health = await client.GetStringAsync("/health");
            if (health == "Healthy")
            {
                return client;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"The server did not become healthy within 60 s (last: {health}).");
    }

    /// <summary>Gives <paramref name="user"/> <paramref name="role"/> in a community, as <c>community grant</c> does.</summary>
    public async Task GrantAsync(string slug, string user, CommunityRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync(slug, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<CommunityRoles>().GrantAsync(community.Id, user, role, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
