using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>
/// A question's numbers survive its follow-ups: the chart and the export of "how many logins" count logins, because
/// tools hand out links and arguments with every parameter behind the numbers, and the chat repeats them.
/// </summary>
public sealed class ChatFollowUpTests : IAsyncLifetime
{
    private const string ManagerKey = "manager-key-0123456789";

    private readonly ServerFactory _server = new(ServerFactory.ApiKeys(("manager", ManagerKey, "demo", true)));

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _server.CreateHealthyClientAsync();
        _client.DefaultRequestHeaders.Add("X-Api-Key", ManagerKey);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// In the demo every active member logs in, so the logins' active members equal every action's; quiz answers show
    /// that the comparison can tell a filtered series from the whole.
    /// </summary>
    [Theory]
    [InlineData("How many logins last month?", "login", false)]
    [InlineData("How many quiz answers last month?", "quiz_answer", true)]
    public async Task The_chart_and_the_excel_export_of_an_actions_question_count_that_action_like_its_table(string text, string action, bool differsFromEveryAction)
    {
        var thread = (await (await _client.PostAsJsonAsync("/api/chat/threads", new { community = "demo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var question = await AskAsync(thread!, text);
        var trend = Assert.Single(question.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("activity_trend", trend.GetProperty("name").GetString());
        var table = trend.GetProperty("result");
        Assert.Equal(action, table.GetProperty("action").GetString());
        var actionActive = table.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("active_members").GetInt32()).ToList();
        var actionEvents = table.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("events").GetInt64()).ToList();

        var everyAction = await _client.GetFromJsonAsync<JsonElement>(
            $"/api/communities/demo/charts/trend.json?from={table.GetProperty("from").GetString()}&to={table.GetProperty("to").GetString()}");
        Assert.Equal(differsFromEveryAction, !actionActive.SequenceEqual(Series(everyAction, "Active")));

        var chart = await AskAsync(thread!, "show that as a chart");
        var drawn = Assert.Single(chart.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("render_chart", drawn.GetProperty("name").GetString());
        Assert.Equal(action, drawn.GetProperty("arguments").GetProperty("action").GetString());
        var chartData = await _client.GetFromJsonAsync<JsonElement>(drawn.GetProperty("result").GetProperty("links").GetProperty("chart_data").GetString());
        Assert.Equal(actionActive, Series(chartData, "Active"));
        var image = await _client.GetAsync(drawn.GetProperty("result").GetProperty("artifact").GetProperty("url").GetString());
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);

        var export = await AskAsync(thread!, "export it to Excel");
        var exported = Assert.Single(export.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("export_table", exported.GetProperty("name").GetString());
        Assert.Equal("xlsx", exported.GetProperty("result").GetProperty("format").GetString());
        var file = await _client.GetByteArrayAsync(exported.GetProperty("result").GetProperty("artifact").GetProperty("url").GetString());
        var rows = (await new MemoryStream(file).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(actionActive, rows.Select(r => Convert.ToInt32(r["active_members"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(actionEvents, rows.Select(r => Convert.ToInt64(r[action], System.Globalization.CultureInfo.InvariantCulture)));

        // The links the web chat shows under the table carry the action too.
        var csv = table.GetProperty("links").GetProperty("exports").EnumerateArray().Single(e => e.GetProperty("format").GetString() == "csv").GetProperty("url").GetString();
        Assert.Contains($"action={action}", csv, StringComparison.Ordinal);
        var csvLines = (await _client.GetStringAsync(csv)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(csvLines[0].Trim().Split(','), "active_members");
        Assert.Equal(actionActive, csvLines.Skip(1).Select(l => int.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<JsonElement> AskAsync(string thread, string text)
    {
        var response = await _client.PostAsJsonAsync($"/api/chat/threads/{thread}/messages", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One series of a chart's JSON data, whatever the casing of its property names.</summary>
    private static List<int> Series(JsonElement chart, string name)
    {
        var series = Property(chart, "series").EnumerateArray().Single(s => Property(s, "name").GetString() == name);
        return [.. Property(series, "values").EnumerateArray().Select(v => (int)v.GetDouble())];
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
