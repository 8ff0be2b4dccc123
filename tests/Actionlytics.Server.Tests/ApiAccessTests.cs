using System.Net;
using System.Text;

namespace Actionlytics.Server.Tests;

public sealed class ApiAccessTests : IAsyncLifetime
{
    private const string Csv = "event_id,member_id,occurred_at,action\ne1,m1,2026-03-01T08:00:00Z,login\n";

    private readonly ServerFactory _server = new(new()
    {
        ["Api:Keys:0:Name"] = "importer",
        ["Api:Keys:0:Key"] = "write-demo-key-0123456789",
        ["Api:Keys:0:Communities:0"] = "demo",
        ["Api:Keys:0:CanWrite"] = "true",
        ["Api:Keys:1:Name"] = "dashboard",
        ["Api:Keys:1:Key"] = "read-only-key-0123456789",
        ["Api:Keys:1:CanWrite"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(string? key, string community = "demo")
    {
        var client = await _server.CreateHealthyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/communities/{community}/events")
        {
            Content = new StringContent(Csv, Encoding.UTF8, "text/csv"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Refuses_a_call_without_a_key_once_keys_are_configured()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("wrong-key"));
    }

    [Fact]
    public async Task Refuses_writes_with_a_read_only_key_and_writes_outside_the_keys_communities()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("read-only-key-0123456789"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("write-demo-key-0123456789", community: "elsewhere"));
    }

    [Fact]
    public async Task Accepts_a_write_key_for_its_community_as_header_or_bearer_token()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("write-demo-key-0123456789"));

        var client = await _server.CreateHealthyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/communities/demo");
        request.Headers.Authorization = new("Bearer", "read-only-key-0123456789");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}

public sealed class ApiAccessConfigurationTests
{
    [Fact]
    public async Task Refuses_to_start_with_a_short_api_key()
    {
        await using var server = new ServerFactory(new() { ["Api:Keys:0:Name"] = "weak", ["Api:Keys:0:Key"] = "1234" });

        var error = Assert.ThrowsAny<Exception>(() => server.CreateServerClient());

        Assert.Contains("shorter than 16 characters", error.ToString());
    }
}
