using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Actionlytics.Server.Tests;

public sealed class IngestionApiTests : IAsyncLifetime
{
    private const string Header = "event_id,member_id,occurred_at,action\n";

    private readonly ServerFactory _server = new(new() { ["Ingestion:MaxBodyBytes"] = "4096" });
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _server.CreateHealthyClientAsync();
        var created = await _client.PostAsJsonAsync("/api/communities", new { slug = "acme", name = "Acme", time_zone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string body, string contentType, string query = "") =>
        _client.PostAsync($"/api/communities/acme/events{query}", new StringContent(body, Encoding.UTF8, contentType));

    private async Task<long> EventCountAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/communities/acme")).GetProperty("events").GetInt64();

    [Fact]
    public async Task Imports_a_CSV_body_and_stores_a_repeated_body_once()
    {
        const string csv = Header + "e1,m1,2026-03-01T08:00:00Z,login\ne2,m2,2026-03-01T09:00:00+01:00,download\n";

        var first = await (await PostAsync(csv, "text/csv")).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await PostAsync(csv, "text/csv")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, first.GetProperty("imported").GetInt64());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, await EventCountAsync());
    }

    [Fact]
    public async Task Imports_NDJSON_and_JSON_array_bodies()
    {
        var ndjson = await PostAsync(
            "{\"event_id\":\"n1\",\"member_id\":\"m1\",\"occurred_at\":\"2026-03-01T08:00:00Z\",\"action\":\"login\"}\n", "application/x-ndjson");
        var array = await PostAsync(
            "[{\"event_id\":\"a1\",\"member_id\":\"m1\",\"occurred_at\":\"2026-03-01T08:00:00Z\",\"action\":\"badge_earned\"}]", "application/json");

        Assert.Equal(HttpStatusCode.OK, ndjson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, array.StatusCode);
        Assert.Equal(2, await EventCountAsync());
    }

    [Fact]
    public async Task Rejects_a_body_with_invalid_rows_naming_their_lines_and_imports_nothing()
    {
        var body = Header + "e1,m1,2026-03-01T08:00:00Z,login\ne2,m1,01/03/2026,login\ne3,m1,2026-03-01T08:00:00Z,\n";

        var response = await PostAsync(body, "text/csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([3, 4], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(0, await EventCountAsync());

        var skipping = await PostAsync(body, "text/csv", "?skipInvalid=true");
        Assert.Equal(HttpStatusCode.OK, skipping.StatusCode);
        Assert.Equal(1, await EventCountAsync());
    }

    [Fact]
    public async Task Answers_a_missing_column_with_400_and_an_unknown_format_with_415()
    {
        var missing = await PostAsync("event_id,member_id\ne1,m1\n", "text/csv");
        var unknown = await PostAsync("<events/>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("occurred_at", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknown.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_body_over_the_size_limit_and_imports_nothing()
    {
        var body = new StringBuilder(Header);
        for (var i = 0; body.Length < 10_000; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"big{i},m1,2026-03-01T08:00:00Z,login\n");
        }

        var response = await PostAsync(body.ToString(), "text/csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task Answers_404_for_a_community_that_does_not_exist()
    {
        var response = await _client.PostAsync("/api/communities/nowhere/events", new StringContent(Header, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
