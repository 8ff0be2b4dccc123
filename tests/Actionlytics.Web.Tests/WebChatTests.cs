using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Actionlytics.Web.Tests;

/// <summary>The web chat in a real browser, as a manager and as a viewer use it.</summary>
public sealed class WebChatTests(WebChatFixture world) : IClassFixture<WebChatFixture>
{
    private const string ScoresQuestion = "Who are the inactive members with the highest reactivation score?";

    private static async Task AskAsync(IPage page, string question)
    {
        var box = page.GetByLabel("Ask about your community");
        await box.FillAsync(question);
        await box.PressAsync("Enter");
    }

    private static ILocator LastReply(IPage page) => page.Locator("article.assistant").Last;

    /// <summary>Presses Tab until the focused element is the named button, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement?.textContent ?? ''") == name)
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached \"{name}\".");
    }

    private static async Task ExpectChartLoadedAsync(ILocator image)
    {
        await Assertions.Expect(image).ToBeVisibleAsync();
        // naturalWidth is 0 until the PNG has really arrived and decoded.
        await image.Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
    }

    [Fact]
    public async Task Answers_the_scores_question_with_a_ranked_table_and_a_chart_within_two_seconds()
    {
        var page = await world.SignedInPageAsync();
        await WebChatFixture.ScreenshotAsync(page, "01-signed-in");

        var clock = Stopwatch.StartNew();
        await AskAsync(page, ScoresQuestion);
        var reply = LastReply(page);
        var rows = reply.Locator("section.view table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        var table = clock.Elapsed;
        await ExpectChartLoadedAsync(reply.Locator("section.view img"));
        var elapsed = clock.Elapsed;

        await File.AppendAllTextAsync(Path.Combine(WebChatFixture.ScreenshotFolder, "timings.txt"),
            $"{DateTime.UtcNow:O} scores question: ranked table after {table.TotalMilliseconds:F0} ms, chart loaded after {elapsed.TotalMilliseconds:F0} ms\n");
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"The table and chart took {elapsed.TotalMilliseconds:F0} ms.");
        // The number in the reply is the store's: every inactive member the scores API lists.
        var inactive = (await world.Local.GetFromJsonAsync<JsonElement>("/api/communities/demo/scores")).GetArrayLength().ToString("N0", CultureInfo.InvariantCulture);
        await Assertions.Expect(reply.Locator(".answer")).ToContainTextAsync($"{inactive} members are inactive");
        await Assertions.Expect(reply.Locator("section.view h3")).ToContainTextAsync($"(10 of {inactive})");
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("1");
        await Assertions.Expect(reply.GetByText("AI-generated").First).ToBeVisibleAsync();
        await Assertions.Expect(reply.Locator(".progress li.done")).ToContainTextAsync("Scoring inactive members");
        await WebChatFixture.ScreenshotAsync(page, "02-scores-table-and-chart");
    }

    [Fact]
    public async Task Offers_the_closest_questions_when_it_cannot_answer_and_answers_the_one_picked_saying_how_it_read_it()
    {
        var page = await world.SignedInPageAsync();
        await AskAsync(page, "How many lines of code did members write last month?");
        var choices = LastReply(page).GetByRole(AriaRole.Group, new() { Name = "Questions I can answer" }).GetByRole(AriaRole.Button);
        await Assertions.Expect(choices.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(LastReply(page).Locator(".answer")).ToContainTextAsync("nothing I can count as \"lines of code\"");
        await Assertions.Expect(LastReply(page).Locator(".reading")).ToHaveCountAsync(0);
        var picked = await choices.First.TextContentAsync();
        Assert.StartsWith("How many members were active from ", picked, StringComparison.Ordinal);
        await WebChatFixture.ScreenshotAsync(page, "08-clarification-choices");

        await choices.First.ClickAsync();

        await Assertions.Expect(page.Locator("article.user").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(picked!)));
        var answer = LastReply(page);
        await Assertions.Expect(answer.Locator(".reading")).ToContainTextAsync("How I read it: activity from ", new() { Timeout = 30_000 });
        await Assertions.Expect(answer.Locator(".progress li.done")).ToContainTextAsync("Measuring activity over time");
        await Assertions.Expect(answer.GetByRole(AriaRole.Group, new() { Name = "Questions I can answer" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Answers_a_follow_up_and_exports_the_table_as_a_csv_file()
    {
        var page = await world.SignedInPageAsync();
        await AskAsync(page, ScoresQuestion);
        await Assertions.Expect(LastReply(page).Locator("section.view table tbody tr")).ToHaveCountAsync(10);

        await AskAsync(page, "And only the contributors?");
        await Assertions.Expect(page.Locator("article.assistant")).ToHaveCountAsync(2);
        var followUp = LastReply(page);
        await Assertions.Expect(followUp.Locator("section.view h3")).ToContainTextAsync("of 5");
        var profiles = await followUp.Locator("section.view table tbody tr td:nth-child(8)").AllTextContentsAsync();
        Assert.NotEmpty(profiles);
        Assert.All(profiles, p => Assert.Equal("contributor", p));

        var download = await page.RunAndWaitForDownloadAsync(() => followUp.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("scores-demo.csv", download.SuggestedFilename);
        Assert.StartsWith("member_id,", lines[0], StringComparison.Ordinal);
        // The export holds the numbers of the answer it came with: the contributors only, every one of them.
        var heading = await followUp.Locator("section.view h3").TextContentAsync();
        var matching = int.Parse(System.Text.RegularExpressions.Regex.Match(heading!, @"of ([\d,]+)\)").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(matching, lines.Length - 1);
        var profileColumn = Array.IndexOf(lines[0].Split(','), "profile");
        Assert.All(lines.Skip(1), line => Assert.Equal("contributor", line.Split(',')[profileColumn]));
        await WebChatFixture.ScreenshotAsync(page, "03-follow-up");
    }

    [Fact]
    public async Task A_manager_approves_a_campaign_proposal_on_its_card_and_everyone_sees_who_decided()
    {
        var page = await world.SignedInPageAsync();
        await AskAsync(page, "Draft a reactivation campaign for recently lapsed regulars");
        var card = LastReply(page).Locator("section.card");
        await Assertions.Expect(card).ToContainTextAsync("minimum detectable effect");
        await Assertions.Expect(card.Locator("table tbody tr")).ToHaveCountAsync(3);
        await WebChatFixture.ScreenshotAsync(page, "04-campaign-proposal");
        var id = long.Parse((await card.GetAttributeAsync("data-campaign"))!, CultureInfo.InvariantCulture);

        // With the keyboard alone: Tab to the button, Enter.
        await TabToAsync(page, "Approve version 1");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(card.Locator(".decision")).ToContainTextAsync("Approved by local at");
        await Assertions.Expect(card.Locator(".decision")).ToBeFocusedAsync();
        Assert.Equal("approved", await world.CampaignStateAsync(id));
        await WebChatFixture.ScreenshotAsync(page, "05-campaign-approved");

        // Another person opening the campaign sees the same decision.
        var viewer = await world.SignedInPageAsync(WebChatFixture.Viewer);
        var seen = await viewer.EvaluateAsync<string>($"fetch('/api/campaigns/{id}').then(r => r.json()).then(b => b.campaign.decided_by)");
        Assert.Equal("local", seen);
    }

    [Fact]
    public async Task Editing_a_message_on_the_card_makes_a_new_version_that_needs_its_own_approval()
    {
        var id = await world.DraftCampaignAsync();
        var page = await world.SignedInPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"#{id} " }).ClickAsync();
        var card = page.Locator($"section.card[data-campaign='{id}']");

        await card.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await card.GetByLabel("Subject").FillAsync("A new course is waiting for you, {{first_name}}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save (a new version to approve)" }).ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("Version 2, pending approval");
        await Assertions.Expect(card).ToContainTextAsync("A new course is waiting for you");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve version 2" }).ClickAsync();
        await Assertions.Expect(card.Locator(".decision")).ToContainTextAsync("Approved by local");
        var campaign = (await world.Local.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("campaign");
        Assert.Equal(2, campaign.GetProperty("approved_version").GetInt32());
    }

    [Fact]
    public async Task A_viewer_sees_a_pending_campaign_but_cannot_approve_it()
    {
        var id = await world.DraftCampaignAsync();
        var page = await world.SignedInPageAsync(WebChatFixture.Viewer);
        await Assertions.Expect(page.GetByText("Your role: viewer")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"#{id} " }).ClickAsync();
        var card = page.Locator($"section.card[data-campaign='{id}']");
        await Assertions.Expect(card).ToContainTextAsync("Waiting for a manager");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await WebChatFixture.ScreenshotAsync(page, "06-viewer-card");

        // The page hides the button; the API is what refuses. The viewer's own session, with its anti-forgery token, gets 403.
        var status = await page.EvaluateAsync<int>($$"""
            async () => {
              const session = await (await fetch('/auth/session')).json();
              const response = await fetch('/api/campaigns/{{id}}/approve', { method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': session.csrf_token }, body: JSON.stringify({ version: 1 }) });
              return response.status;
            }
            """);
        Assert.Equal(403, status);
        Assert.Equal("pending_approval", await world.CampaignStateAsync(id));
    }

    [Fact]
    public async Task A_member_whose_name_is_markup_shows_as_text_and_runs_nothing()
    {
        var page = await world.SignedInPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await AskAsync(page, ScoresQuestion);
        var reply = LastReply(page);
        var cell = reply.Locator("section.view table tbody td", new() { HasTextString = WebChatFixture.HostileName });
        await Assertions.Expect(cell).ToHaveCountAsync(1);
        Assert.Equal(WebChatFixture.HostileName, await cell.TextContentAsync());
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_change_without_the_anti_forgery_token_is_refused_even_when_signed_in()
    {
        var page = await world.SignedInPageAsync();
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/chat/threads', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ community: 'demo' }) })).status
            """);
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Works_at_phone_width_with_the_keyboard_and_in_the_dark_theme()
    {
        var page = await world.SignedInPageAsync(width: 390, height: 844);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sidebar")).ToBeHiddenAsync();

        var box = page.GetByLabel("Ask about your community");
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("/scores");
        await page.Keyboard.PressAsync("Shift+Enter");
        Assert.Equal("/scores\n", await box.InputValueAsync());
        await box.FillAsync("/scores");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(LastReply(page).Locator("section.view table tbody tr")).ToHaveCountAsync(10);

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
        await TabToAsync(page, "Dark theme");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        await WebChatFixture.ScreenshotAsync(page, "07-phone-dark");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Renders_reply_markdown_without_ever_creating_markup_from_text()
    {
        var page = await world.SignedInPageAsync();

        var html = await page.EvaluateAsync<string>("""
            async () => {
              const { renderMarkdown } = await import('/js/markdown.js');
              const box = document.createElement('div');
              box.append(renderMarkdown('**Top** <script>alert(1)</script> [x](javascript:alert(1)) [docs](https://example.org) [y](/\\evil.example) [campaign](/api/campaigns/1)\n\n| a | b |\n|---|---|\n| <b>1</b> | recently_lapsed_regulars |\n\n- _note_'));
              return box.innerHTML;
            }
            """);

        Assert.Contains("<strong>Top</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Single(html.Split("<a ").Skip(1));
        Assert.Contains("<a href=\"/api/campaigns/1\">campaign</a>", html, StringComparison.Ordinal);
        Assert.Contains("docs (https://example.org)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"//", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;1&lt;/b&gt;</td><td>recently_lapsed_regulars</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li><em>note</em></li>", html, StringComparison.Ordinal);
    }
}
