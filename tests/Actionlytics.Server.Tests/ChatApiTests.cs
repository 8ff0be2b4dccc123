using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>The chat over real HTTP: threads, server-sent events, artifacts, approvals and who may do what.</summary>
public sealed class ChatApiTests : IAsyncLifetime
{
    private const string ManagerKey = "manager-key-0123456789";
    private const string ViewerKey = "viewer-key-0123456789";

    private readonly ServerFactory _server = new(new()
    {
        ["Api:Keys:0:Name"] = "manager",
        ["Api:Keys:0:Key"] = ManagerKey,
        ["Api:Keys:0:Communities:0"] = "demo",
        ["Api:Keys:0:CanWrite"] = "true",
        ["Api:Keys:1:Name"] = "viewer",
        ["Api:Keys:1:Key"] = ViewerKey,
        ["Api:Keys:1:Communities:0"] = "demo",
        ["Api:Keys:2:Name"] = "elsewhere",
        ["Api:Keys:2:Key"] = "elsewhere-key-0123456789",
        ["Api:Keys:2:Communities:0"] = "other",
    });

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _server.CreateHealthyClientAsync();
        // The manager key's holder manages the demo community (deciding proposals needs that role, as in every channel).
        await using var scope = _server.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityDirectory>().GetAsync("demo", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Data.Communities.CommunityRoles>().GrantAsync(demo.Id, "key:manager", Core.Communities.CommunityRole.Manager, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpRequestMessage Request(HttpMethod method, string url, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private async Task<string> NewThreadAsync(string key)
    {
        var response = await _client.SendAsync(Request(HttpMethod.Post, "/api/chat/threads", key, new { community = "demo" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> AskAsync(string thread, string key, string text)
    {
        var response = await _client.SendAsync(Request(HttpMethod.Post, $"/api/chat/threads/{thread}/messages", key, new { text }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Streams_tool_progress_the_answer_and_the_whole_turn_as_server_sent_events()
    {
        var thread = await NewThreadAsync(ViewerKey);
        var request = Request(HttpMethod.Post, $"/api/chat/threads/{thread}/messages", ViewerKey, new { text = "Who are the inactive members with the highest reactivation score?" });
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => (Name: block.Split('\n')[0]["event: ".Length..], Data: JsonDocument.Parse(block.Split('\n')[1]["data: ".Length..]).RootElement))
            .ToList();
        Assert.Equal(["tool_started", "tool_finished"], events.Take(2).Select(e => e.Name));
        Assert.Equal("inactivity_scores", events[0].Data.GetProperty("tool").GetString());
        Assert.Contains(events, e => e.Name == "answer" && e.Data.GetProperty("text").GetString()!.Contains("score"));
        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.Equal("inactivity_scores", done.Data.GetProperty("tool_calls")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Serves_the_chart_a_turn_drew_to_readers_of_that_community_only()
    {
        var thread = await NewThreadAsync(ViewerKey);
        var turn = await AskAsync(thread, ViewerKey, "Chart the activity trend over the last 3 months");
        var url = turn.GetProperty("artifacts")[0].GetProperty("url").GetString()!;

        var image = await _client.SendAsync(Request(HttpMethod.Get, url, ViewerKey));
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0x89, (await image.Content.ReadAsByteArrayAsync())[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Get, url, "elsewhere-key-0123456789"))).StatusCode);
    }

    [Fact]
    public async Task Resumes_a_thread_with_its_history_for_its_owner_only()
    {
        var thread = await NewThreadAsync(ViewerKey);
        await AskAsync(thread, ViewerKey, "How has activity evolved over the last 30 days?");
        var followUp = await AskAsync(thread, ViewerKey, "and only for videos?");

        Assert.Equal("video_view", followUp.GetProperty("tool_calls")[0].GetProperty("arguments").GetProperty("action").GetString());
        var history = await (await _client.SendAsync(Request(HttpMethod.Get, $"/api/chat/threads/{thread}", ViewerKey))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, history.GetProperty("turns").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(Request(HttpMethod.Get, $"/api/chat/threads/{thread}", ManagerKey))).StatusCode);
    }

    [Fact]
    public async Task Lets_only_a_key_with_write_access_approve_a_proposal()
    {
        var viewerThread = await NewThreadAsync(ViewerKey);
        var viewerTurn = await AskAsync(viewerThread, ViewerKey, "Save the fading learners as a segment called viewer_try");
        var viewerProposal = viewerTurn.GetProperty("pending_approvals")[0].GetProperty("id").GetString();
        var refused = await _client.SendAsync(Request(HttpMethod.Post, $"/api/chat/threads/{viewerThread}/approvals/{viewerProposal}", ViewerKey, new { approved = true }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var managerThread = await NewThreadAsync(ManagerKey);
        var managerTurn = await AskAsync(managerThread, ManagerKey, "Save the fading learners as a segment called manager_list");
        var proposal = managerTurn.GetProperty("pending_approvals")[0];
        Assert.Equal("create_segment", proposal.GetProperty("tool").GetString());
        var approved = await _client.SendAsync(Request(HttpMethod.Post, $"/api/chat/threads/{managerThread}/approvals/{proposal.GetProperty("id").GetString()}", ManagerKey, new { approved = true }));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("manager_list", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Refuses_unknown_callers_other_communities_and_empty_questions()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/chat/threads", new { community = "demo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Post, "/api/chat/threads", "elsewhere-key-0123456789", new { community = "demo" }))).StatusCode);
        var thread = await NewThreadAsync(ViewerKey);
        var empty = await _client.SendAsync(Request(HttpMethod.Post, $"/api/chat/threads/{thread}/messages", ViewerKey, new { text = "  " }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
