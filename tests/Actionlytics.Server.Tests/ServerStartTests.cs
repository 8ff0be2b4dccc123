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
    public async Task Describes_what_every_endpoint_answers_when_it_succeeds()
    {
        var client = _server.CreateServerClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var undescribed = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var successes = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2') || r.Name.StartsWith('3')).ToList();
                // A success is described when it has a body with its media type, or is declared as having none (204, 302).
                var described = successes.Any(r => r.Name is "204" or "302"
                    || (r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(m => m.Value.TryGetProperty("schema", out _))));
                if (!described)
                {
                    undescribed.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task Describes_the_campaign_endpoints_with_their_records()
    {
        var client = _server.CreateServerClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var approve = document.GetProperty("paths").GetProperty("/api/campaigns/{id}/approve").GetProperty("post").GetProperty("responses");
        var schema = approve.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.EndsWith("CampaignView", schema.GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(approve.TryGetProperty("404", out _));
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
