using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Actionlytics.Tests.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>Campaigns over real HTTP, delivered by the server's own dispatcher to a real SMTP server, and the unsubscribe link they carry.</summary>
public sealed class CampaignsApiTests : IAsyncLifetime
{
    private const string ManagerKey = "manager-key-0123456789";
    private const string ViewerKey = "viewer-key-0123456789";
    private const string WriterKey = "writer-key-0123456789";

    private SmtpSink _sink = null!;
    private ServerFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        var settings = _sink.Settings();
        settings["Campaigns:DispatchIntervalSeconds"] = "1";
        settings["Api:Keys:0:Name"] = "manager";
        settings["Api:Keys:0:Key"] = ManagerKey;
        settings["Api:Keys:0:CanWrite"] = "true";
        settings["Api:Keys:1:Name"] = "viewer";
        settings["Api:Keys:1:Key"] = ViewerKey;
        settings["Api:Keys:2:Name"] = "writer";
        settings["Api:Keys:2:Key"] = WriterKey;
        settings["Api:Keys:2:CanWrite"] = "true";
        settings["Api:Keys:3:Name"] = "elsewhere";
        settings["Api:Keys:3:Key"] = "elsewhere-key-0123456789";
        settings["Api:Keys:3:Communities:0"] = "other";
        _server = new ServerFactory(settings);
        _client = await _server.CreateHealthyClientAsync();
        // Keys are people too: the manager key's holder manages the demo; the writer key's holder only views it.
        await using var scope = _server.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync("demo", CancellationToken.None);
        var roles = scope.ServiceProvider.GetRequiredService<CommunityRoles>();
        await roles.GrantAsync(demo.Id, "key:manager", CommunityRole.Manager, CancellationToken.None);
        await roles.GrantAsync(demo.Id, "key:writer", CommunityRole.Viewer, CancellationToken.None);
        await roles.GrantAsync(demo.Id, "key:viewer", CommunityRole.Viewer, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Drafts_approves_and_sends_over_http_and_the_unsubscribe_link_opts_the_member_out()
    {
        var drafted = await SendAsync(HttpMethod.Post, "/api/communities/demo/campaigns", ManagerKey, new { variants = 2 });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var campaign = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign");
        var id = campaign.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/approve", ViewerKey, new { version = 1 })).StatusCode);
        var byWriterViewer = await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/approve", WriterKey, new { version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, byWriterViewer.StatusCode);
        Assert.Contains("Only a manager", await byWriterViewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/send", ManagerKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/approve", ManagerKey, new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/approve", ManagerKey, new { version = 1 })).StatusCode);

        var sent = await SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/send", ManagerKey);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var queued = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetProperty("pending").GetInt32();
        Assert.True(queued > 0);
        await _sink.WaitForCountAsync(queued, TimeSpan.FromSeconds(30)); // the server's background dispatcher delivers them

        var message = _sink.Messages()[0];
        var link = new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var page = await _client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await OptedOutAsync(message.To.Mailboxes.Single().Address)); // opening the link changes nothing
        var oneClick = await _client.PostAsync(link.PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.True(await OptedOutAsync(message.To.Mailboxes.Single().Address));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/u/00000000000000000000000000000000")).StatusCode);

        var results = await SendAsync(HttpMethod.Get, $"/api/campaigns/{id}/results", ViewerKey);
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal(3, (await results.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups").GetArrayLength());
        var chart = await SendAsync(HttpMethod.Get, $"/api/campaigns/{id}/results/chart.png", ViewerKey);
        Assert.Equal("image/png", chart.Content.Headers.ContentType!.MediaType);
        var table = await (await SendAsync(HttpMethod.Get, $"/api/campaigns/{id}/results/table.csv", ViewerKey)).Content.ReadAsStringAsync();
        Assert.StartsWith("group,need,assigned,delivered,returned,return_rate", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_404_for_campaigns_that_do_not_exist_and_401_without_a_key()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/campaigns/999999", ManagerKey)).StatusCode);
        var drafted = await SendAsync(HttpMethod.Post, "/api/communities/demo/campaigns", ManagerKey, new { variants = 2 });
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetInt64();
        var outOfReach = await SendAsync(HttpMethod.Get, $"/api/campaigns/{id}", "elsewhere-key-0123456789");
        Assert.Equal(HttpStatusCode.NotFound, outOfReach.StatusCode); // the same answer as a campaign that does not exist
        Assert.DoesNotContain("demo", await outOfReach.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/communities/demo/campaigns")).StatusCode);
        var bad = await SendAsync(HttpMethod.Post, "/api/communities/demo/campaigns", ManagerKey, new { variants = 12 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("2 to 8 variants", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<bool> OptedOutAsync(string email)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>().Members.AsNoTracking().SingleAsync(m => m.Email == email);
        return (member.OptedOutChannels & ContactChannels.Email) != 0;
    }
}
