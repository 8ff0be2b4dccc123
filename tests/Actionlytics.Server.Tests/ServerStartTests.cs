using System.Net.Http.Json;
using System.Text.Json;

namespace Actionlytics.Server.Tests;

public sealed class ServerStartTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Becomes_healthy_with_the_demo_community_ready_on_an_empty_store()
    {
        var client = await _server.CreateHealthyClientAsync();

        var communities = await client.GetFromJsonAsync<JsonElement>("/api/communities");

        var demo = Assert.Single(communities.EnumerateArray());
        Assert.Equal("demo", demo.GetProperty("slug").GetString());
        Assert.Equal(150, demo.GetProperty("members").GetInt64());
        Assert.True(demo.GetProperty("events").GetInt64() > 1000);
        Assert.Equal("Europe/Paris", demo.GetProperty("time_zone").GetString());
    }

    [Fact]
    public async Task Describes_its_API_in_an_OpenAPI_document()
    {
        var client = _server.CreateServerClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/communities/{slug}/events", out var events));
        Assert.True(events.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/communities", out _));
    }

    [Fact]
    public async Task Answers_an_unknown_community_with_a_problem_document()
    {
        var client = await _server.CreateHealthyClientAsync();

        var response = await client.GetAsync("/api/communities/nowhere");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class InterruptedDemoTests
{
    [Fact]
    public async Task Generates_the_demo_again_when_a_first_start_left_it_empty()
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-interrupted-");
        var store = Path.Combine(folder.FullName, "store.db");
        try
        {
            await using (var first = new ServerFactory(new() { ["Store:SqlitePath"] = store, ["Demo:SeedWhenEmpty"] = "false" }))
            {
                var client = first.CreateServerClient();
                var created = await client.PostAsJsonAsync("/api/communities", new { slug = "demo", time_zone = "Europe/Paris" });
                Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            }

            await using var second = new ServerFactory(new() { ["Store:SqlitePath"] = store });
            var healthy = await second.CreateHealthyClientAsync();
            var demo = await healthy.GetFromJsonAsync<JsonElement>("/api/communities/demo");

            Assert.True(demo.GetProperty("events").GetInt64() > 1000);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
