using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Actionlytics.Web.Tests;

/// <summary>
/// The bot with a real Bot Framework client: Microsoft's Web Chat (its prebuilt bundle) in Chromium, over a local
/// Direct Line that signs every activity it forwards to <c>/api/messages</c>. The answers, the approval card and its
/// update after a click all travel the real protocol, through the bot's token validation and the Bot Connector API.
/// </summary>
public sealed class WebChatRoundTripTests(DirectLineChannelFixture channel) : IClassFixture<DirectLineChannelFixture>
{
    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private async Task<string> CampaignStateAsync(long id) =>
        (await channel.Local.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("campaign").GetProperty("state").GetString()!;

    private async Task<long> LatestCampaignAsync() =>
        (await channel.Local.GetFromJsonAsync<JsonElement>("/api/communities/demo/campaigns"))[0].GetProperty("id").GetInt64();

    [Fact]
    public async Task A_manager_asks_in_Web_Chat_sees_the_answer_and_approves_the_campaign_card_which_updates_in_place()
    {
        var page = await channel.WebChatAsync(DirectLineChannelFixture.Manager, "Megan Bowen");
        try
        {
            await SendAsync(page, "Who are the inactive members with the highest reactivation score?");
            await Assertions.Expect(page.GetByText("members are inactive").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".ac-adaptiveCard table, .ac-adaptiveCard [role=table], .ac-adaptiveCard .ac-table").First).ToBeVisibleAsync();

            // The chart is an image in the card, fetched by the browser from a signed link: no sign-in involved.
            await SendAsync(page, "Chart the score distribution");
            var chart = page.Locator(".ac-adaptiveCard img.ac-image").First;
            await Assertions.Expect(chart).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
            await chart.ScrollIntoViewIfNeededAsync();
            await DirectLineChannelFixture.ScreenshotAsync(page, "19-webchat-chart");

            await SendAsync(page, "Draft a reactivation campaign for recently lapsed regulars");
            // The Adaptive Cards renderer's button (Web Chat also keeps a copy of the card for screen readers).
            var approve = page.Locator("button.ac-pushButton", new() { HasText = "Approve version 1" });
            await Assertions.Expect(approve).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var id = await LatestCampaignAsync();
            await Assertions.Expect(page.GetByText($"Campaign {id}:").First).ToBeVisibleAsync();
            await DirectLineChannelFixture.ScreenshotAsync(page, "20-webchat-approval-card");

            await approve.ClickAsync();

            await Assertions.Expect(page.Locator(".ac-textBlock", new() { HasText = "Approved by Megan Bowen at" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("button.ac-pushButton")).ToHaveCountAsync(0);
            Assert.Equal("approved", await CampaignStateAsync(id));
            await DirectLineChannelFixture.ScreenshotAsync(page, "21-webchat-card-approved");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("The round trip failed; the channel said:\n" + channel.ChannelLog, e);
        }
    }
}
