using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Actionlytics.Server.Tests;
using Actionlytics.Tests.Tools;
using Microsoft.Playwright;

namespace Actionlytics.Web.Tests;

/// <summary>
/// One server with the full 5,000-member demo community, as the README's run command starts it, and one headless
/// Debian Chromium driven by Playwright. The demo's local user is
/// its admin; <c>vera</c> is a viewer. A member whose display name is markup is imported with a high score.
/// </summary>
public sealed class WebChatFixture : IAsyncLifetime
{
    public const string Viewer = "vera";
    public const string HostileName = "<img src=x onerror=alert(1)>";

    private readonly ServerFactory _server = new(new Dictionary<string, string?> { ["Demo:Members"] = "5000", ["Demo:Months"] = "18" });
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client on loopback with no browser marks: the local user, as scripts and the CLI are.</summary>
    public HttpClient Local { get; private set; } = null!;

    public string BaseUrl => Local.BaseAddress!.ToString().TrimEnd('/');

    public static string ScreenshotFolder { get; } = Path.Combine(TestTools.RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Local = await _server.CreateHealthyClientAsync();
        await _server.GrantAsync("demo", Viewer, CommunityRole.Viewer);
        await ImportHostileMemberAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await DebianChromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser session (its own cookies), signed in through the development sign-in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string user = CommunityRoles.LocalUser, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The sidebar is folded away at phone width: its text is there, visible or not.
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync($"Signed in as {user}");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Drafts a campaign as the local user through the API; it waits for approval.</summary>
    public async Task<long> DraftCampaignAsync()
    {
        var response = await Local.PostAsJsonAsync("/api/communities/demo/campaigns", new { segment = "recently_lapsed_regulars", variants = 2 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetInt64();
    }

    public async Task<string> CampaignStateAsync(long id) =>
        (await Local.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("campaign").GetProperty("state").GetString()!;

    /// <summary>A member who was active every day for 150 days until 31 days ago: among the highest scores.</summary>
    private async Task ImportHostileMemberAsync()
    {
        var top = (await Local.GetFromJsonAsync<JsonElement>("/api/communities/demo/scores?limit=1"))[0];
        var asOf = DateOnly.Parse(top.GetProperty("last_active_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(top.GetProperty("recency_days").GetInt32());
        var members = $"member_id,display_name,email\nxss-1,\"{HostileName}\",xss@example.org\n";
        (await Local.PostAsync("/api/communities/demo/members", new StringContent(members, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var events = new StringBuilder("event_id,member_id,occurred_at,action\n");
        for (var day = 31; day <= 180; day++)
        {
            events.Append(System.Globalization.CultureInfo.InvariantCulture, $"xss-{day},xss-1,{asOf.AddDays(-day):yyyy-MM-dd}T10:00:00Z,post\n");
        }
        (await Local.PostAsync("/api/communities/demo/events", new StringContent(events.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Local?.Dispose();
        await _server.DisposeAsync();
    }
}
