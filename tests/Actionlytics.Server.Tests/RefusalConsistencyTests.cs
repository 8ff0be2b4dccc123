using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>
/// One refusal model: the same bad request gets the same problem, with the same status, from every endpoint that
/// takes it (an unknown community, a date that is not one, a viewer deciding).
/// </summary>
public sealed class RefusalConsistencyTests : IAsyncLifetime
{
    private const string ManagerKey = "manager-key-0123456789";
    private const string ViewerKey = "viewer-key-0123456789";

    private readonly ServerFactory _server = new(ServerFactory.ApiKeys(("manager", ManagerKey, null, true), ("viewer", ViewerKey, null, true)));

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _server.CreateHealthyClientAsync();
        await using var scope = _server.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityDirectory>().GetAsync("demo", CancellationToken.None);
        var roles = scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityRoles>();
        await roles.GrantAsync(demo.Id, "key:manager", Core.Communities.CommunityRole.Manager, CancellationToken.None);
        await roles.GrantAsync(demo.Id, "key:viewer", Core.Communities.CommunityRole.Viewer, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> UnknownCommunity() => new()
    {
        { "GET", "/api/communities/nowhere" },
        { "GET", "/api/communities/nowhere/scores" },
        { "GET", "/api/communities/nowhere/charts/trend.png" },
        { "GET", "/api/communities/nowhere/tables/trend.csv" },
        { "GET", "/api/communities/nowhere/trend/members?day=2026-01-05&metric=active" },
        { "GET", "/api/communities/nowhere/stickiness/members?activeDays=2" },
        { "GET", "/api/communities/nowhere/campaigns" },
        { "GET", "/api/chat/threads?community=nowhere" },
        { "POST", "/api/chat/threads" },
    };

    [Theory]
    [MemberData(nameof(UnknownCommunity))]
    public async Task An_unknown_community_is_404_everywhere(string method, string url)
    {
        var problem = await ProblemAsync(method, url, ManagerKey, method == "POST" ? new { community = "nowhere" } : null, HttpStatusCode.NotFound);
        Assert.Equal("not_found", problem.GetProperty("kind").GetString());
        Assert.Contains("nowhere", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadDate() =>
    [
        "/api/communities/demo/scores?asOf=2026-13-45",
        "/api/communities/demo/charts/trend.png?from=2026-13-45",
        "/api/communities/demo/charts/score-distribution.json?asOf=2026-13-45",
        "/api/communities/demo/tables/trend.csv?to=2026-13-45",
        "/api/communities/demo/tables/comparison.csv?previousFrom=2026-13-45",
        "/api/communities/demo/trend/members?day=2026-13-45&metric=active",
        "/api/communities/demo/stickiness/members?activeDays=2&from=2026-13-45",
    ];

    [Theory]
    [MemberData(nameof(BadDate))]
    public async Task A_date_that_is_not_one_is_400_everywhere_and_says_what_to_type(string url)
    {
        var problem = await ProblemAsync("GET", url, ManagerKey, null, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_input", problem.GetProperty("kind").GetString());
        Assert.Contains("2026-13-45", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_deciding_is_403_on_a_campaign_and_on_a_chat_proposal()
    {
        var drafted = await _client.SendAsync(Request("POST", "/api/communities/demo/campaigns", ManagerKey, new { variants = 2 }));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var campaign = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign");
        var id = campaign.GetProperty("id").GetInt64();
        var version = campaign.GetProperty("version").GetInt32();
        var approve = await ProblemAsync("POST", $"/api/campaigns/{id}/approve", ViewerKey, new { version }, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", approve.GetProperty("kind").GetString());
        await ProblemAsync("POST", $"/api/campaigns/{id}/reject", ViewerKey, new { version }, HttpStatusCode.Forbidden);

        var thread = (await (await _client.SendAsync(Request("POST", "/api/chat/threads", ViewerKey, new { community = "demo" }))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var turn = await (await _client.SendAsync(Request("POST", $"/api/chat/threads/{thread}/messages", ViewerKey, new { text = "Save the long gone members as a segment called viewer_try" }))).Content.ReadFromJsonAsync<JsonElement>();
        var proposal = turn.GetProperty("pending_approvals")[0].GetProperty("id").GetString();
        var decide = await ProblemAsync("POST", $"/api/chat/threads/{thread}/approvals/{proposal}", ViewerKey, new { approved = true }, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", decide.GetProperty("kind").GetString());
    }

    private async Task<JsonElement> ProblemAsync(string method, string url, string key, object? body, HttpStatusCode expected)
    {
        var response = await _client.SendAsync(Request(method, url, key, body));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static HttpRequestMessage Request(string method, string url, string key, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
