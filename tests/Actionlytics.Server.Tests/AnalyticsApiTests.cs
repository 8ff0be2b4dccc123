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
}
