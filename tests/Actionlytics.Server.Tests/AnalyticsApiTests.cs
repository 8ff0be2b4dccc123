using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actionlytics.Server.Tests;

public sealed class AnalyticsApiTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _server.CreateHealthyClientAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Scores_the_demo_community_as_JSON_highest_first_with_the_contract_names()
    {
        var response = await _client.GetAsync("/api/communities/demo/scores?window=120&inactiveAfter=30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scores = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.NotEmpty(scores);
        Assert.Equal(
            ["member_id", "last_active_date", "recency_days", "active_days", "constancy_days", "score", "segment"],
            scores[0].EnumerateObject().Take(7).Select(p => p.Name));
        Assert.True(scores.Zip(scores.Skip(1)).All(pair => pair.First.GetProperty("score").GetDouble() >= pair.Second.GetProperty("score").GetDouble()));
        Assert.All(scores, s => Assert.True(s.GetProperty("recency_days").GetInt32() >= 30));
        Assert.Equal(scores.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Actionlytics-Inactive").Single());
    }

    [Fact]
    public async Task Scores_as_CSV_with_the_contract_header()
    {
        var csv = await _client.GetStringAsync("/api/communities/demo/scores?format=csv&limit=5");

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("member_id,last_active_date,recency_days,active_days,constancy_days,score,segment", lines[0]);
        Assert.Equal(6, lines.Length);
    }

    [Theory]
    [InlineData("window=0", "window")]
    [InlineData("window=4000", "window")]
    [InlineData("asOf=31/03/2026", "not a date")]
    [InlineData("weights=0,0,0", "above zero")]
    [InlineData("weights=-1,1,1", "positive")]
    public async Task Answers_bad_parameters_with_a_problem_that_says_why(string query, string message)
    {
        var response = await _client.GetAsync($"/api/communities/demo/scores?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_an_unknown_community_with_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/communities/ghost/scores")).StatusCode);
    }

    [Theory]
    [InlineData("trend", "png", "image/png")]
    [InlineData("lifecycle", "svg", "image/svg+xml")]
    [InlineData("retention", "png", "image/png")]
    [InlineData("segments", "json", "application/json")]
    public async Task Serves_charts_as_images_and_data(string kind, string format, string mediaType)
    {
        var response = await _client.GetAsync($"/api/communities/demo/charts/{kind}.{format}?granularity=week");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "png")
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        Assert.True(bytes.Length > (format == "json" ? 300 : 2000));
    }

    [Theory]
    [InlineData("trend", "csv", "period,start,end")]
    [InlineData("comparison", "json", "active_members")]
    [InlineData("stickiness", "csv", "active_days,members")]
    [InlineData("segments", "json", "recently_lapsed_regulars")]
    public async Task Serves_tables_as_CSV_and_JSON(string name, string format, string expected)
    {
        var text = await _client.GetStringAsync($"/api/communities/demo/tables/{name}.{format}");

        Assert.Contains(expected, text);
    }

    [Fact]
    public async Task Serves_tables_as_XLSX_workbooks()
    {
        var response = await _client.GetAsync("/api/communities/demo/tables/retention.xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal("retention-demo.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Opens_a_trend_number_into_the_members_behind_it()
    {
        var trend = (await _client.GetFromJsonAsync<JsonElement>("/api/communities/demo/tables/trend.json?granularity=month")).EnumerateArray().Last();
        var start = trend.GetProperty("start").GetString();

        var behind = await _client.GetFromJsonAsync<JsonElement>($"/api/communities/demo/trend/members?granularity=month&day={start}&metric=active");

        Assert.Equal(trend.GetProperty("active_members").GetInt32(), behind.GetProperty("count").GetInt32());
        Assert.Equal(behind.GetProperty("count").GetInt32(), behind.GetProperty("members").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/communities/demo/charts/pie.png", "Unknown chart")]
    [InlineData("/api/communities/demo/charts/trend.gif", "png, svg or json")]
    [InlineData("/api/communities/demo/tables/trend.png", "csv, xlsx or json")]
    [InlineData("/api/communities/demo/tables/trend.csv?from=2026-05-01&to=2026-01-01", "before it starts")]
    [InlineData("/api/communities/demo/charts/trend.png?granularity=hour", "not day, week or month")]
    [InlineData("/api/communities/demo/trend/members?day=2026-01-01&metric=happy", "metric is one of")]
    public async Task Answers_bad_chart_and_table_requests_with_a_problem(string url, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Opens_stickiness_retention_and_segment_numbers_into_members()
    {
        var stickiness = (await _client.GetFromJsonAsync<JsonElement>("/api/communities/demo/tables/stickiness.json")).EnumerateArray().First();
        var days = stickiness.GetProperty("active_days").GetInt32();
        var sticky = await _client.GetFromJsonAsync<JsonElement>($"/api/communities/demo/stickiness/members?activeDays={days}");
        Assert.Equal(stickiness.GetProperty("members").GetInt32(), sticky.GetProperty("count").GetInt32());

        var cohort = (await _client.GetFromJsonAsync<JsonElement>("/api/communities/demo/tables/retention.json")).EnumerateArray().First();
        var retained = await _client.GetFromJsonAsync<JsonElement>($"/api/communities/demo/retention/members?cohort={cohort.GetProperty("cohort").GetString()}&monthsLater=0");
        Assert.Equal(cohort.GetProperty("size").GetInt32(), retained.GetProperty("count").GetInt32());

        var segments = (await _client.GetFromJsonAsync<JsonElement>("/api/communities/demo/tables/segments.json")).EnumerateArray()
            .First(s => s.GetProperty("members").GetInt32() > 0);
        var inSegment = await _client.GetFromJsonAsync<JsonElement>($"/api/communities/demo/scores?segment={segments.GetProperty("segment").GetString()}");
        Assert.Equal(segments.GetProperty("members").GetInt32(), inSegment.GetArrayLength());
    }
}
