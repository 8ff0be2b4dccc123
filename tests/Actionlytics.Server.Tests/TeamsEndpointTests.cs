using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>
/// The Bot Framework endpoint with Activities shaped as Teams sends them, tokens signed by a local issuer whose
/// metadata the server trusts, and a local Bot Connector that records the replies.
/// </summary>
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private const string AppId = "00000000-aaaa-4bbb-8ccc-000000000001";
    private const string ChannelIssuer = "https://api.botframework.com";
    private const string ManagerObjectId = "6e0a2f6e-0a5e-4b2b-9d7c-5a3c1f2e9b11";

    /// <summary>The address cards link to; the tests fetch those links from the server itself.</summary>
    private const string PublicUrl = "https://actionlytics.contoso.example";

    private readonly OidcTestProvider _issuer = new();
    private readonly BotConnectorRecorder _connector = new();
    private ServerFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _issuer.StartAsync();
        await _connector.StartAsync();
        _server = new ServerFactory(new()
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "bot-secret-for-tests",
            ["Teams:AppTenant"] = "contoso-tenant",
            ["Teams:OpenIdMetadataUrl"] = _issuer.Issuer + "/.well-known/openid-configuration",
            ["Teams:ValidIssuers:0"] = ChannelIssuer,
            ["Teams:TokenEndpoint"] = _connector.Url + "/{tenant}/oauth2/v2.0/token",
            ["Teams:DefaultCommunity"] = "demo",
            ["Teams:PublicUrl"] = PublicUrl,
            ["Teams:TrustedChannels:0"] = "directline", // as if Direct Line's enhanced authentication were on
        });
        _client = await _server.CreateHealthyClientAsync();
        await _server.GrantAsync("demo", "aad:" + ManagerObjectId, CommunityRole.Manager);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private string ServiceUrl => _connector.Url + "/";

    /// <summary>A personal-chat message as Teams posts it to the bot.</summary>
    private object Message(string text, string aadObjectId = ManagerObjectId, string id = "1700000000001") => new
    {
        type = "message",
        id,
        timestamp = "2026-11-27T10:00:00.000Z",
        localTimestamp = "2026-11-27T11:00:00.000+01:00",
        serviceUrl = ServiceUrl,
        channelId = "msteams",
        from = new { id = "29:1Tz8aB3" + aadObjectId[..4], name = "Megan Bowen", aadObjectId },
        conversation = new { conversationType = "personal", tenantId = "72f988bf-0000-0000-0000-000000000000", id = "a:1pErSoNaLcHaT" + aadObjectId[..4] },
        recipient = new { id = "28:" + AppId, name = "Actionlytics" },
        textFormat = "plain",
        locale = "en-US",
        text,
        entities = new object[] { new { type = "clientInfo", locale = "en-US", country = "US", platform = "Web", timezone = "Europe/Paris" } },
        channelData = new { tenant = new { id = "72f988bf-0000-0000-0000-000000000000" } },
    };

    private string Token(string? issuer = null, string? audience = null, DateTime? expires = null, string? serviceUrl = null, bool foreignKey = false) =>
        _issuer.IssueToken(issuer ?? ChannelIssuer, audience ?? AppId, expires ?? DateTime.UtcNow.AddMinutes(30),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl }, foreignKey);

    private async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _client.SendAsync(request);
    }

    private List<JsonElement> Replies(string type = "message") =>
        _connector.Activities.Where(a => a.Body.GetProperty("type").GetString() == type).Select(a => a.Body).ToList();

    [Fact]
    public async Task Answers_a_manager_question_through_the_Bot_Connector_with_an_app_token()
    {
        var response = await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Replies());
        Assert.Contains("members are inactive", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("1700000000001", reply.GetProperty("replyToId").GetString());
        Assert.Equal("28:" + AppId, reply.GetProperty("from").GetProperty("id").GetString());
        var sent = _connector.Activities.First(a => a.Body.GetProperty("type").GetString() == "message");
        Assert.Equal("/v3/conversations/a:1pErSoNaLcHaT6e0a/activities/1700000000001", Uri.UnescapeDataString(sent.Path));
        Assert.Equal("Bearer " + BotConnectorRecorder.AppToken, sent.Authorization);
        Assert.NotEmpty(Replies("typing"));
        var tokenRequest = Assert.Single(_connector.TokenRequests); // cached for the typing indicators and the reply
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(AppId, tokenRequest["client_id"]);
    }

    [Fact]
    public async Task Continues_the_same_thread_for_a_follow_up()
    {
        await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), Token());
        await PostAsync(Message("And only the contributors?", id: "1700000000002"), Token());

        var second = Replies().Last();
        Assert.Contains("match your filter", second.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_the_closest_questions_as_suggested_actions_when_it_cannot_answer()
    {
        await PostAsync(Message("How many lines of code did members write last month?"), Token());

        var reply = Replies().Last();
        Assert.Contains("lines of code", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.InRange(actions.Count, 2, 4);
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", a.GetProperty("type").GetString());
            Assert.Equal(a.GetProperty("title").GetString(), a.GetProperty("value").GetString());
        });
    }

    [Fact]
    public async Task Says_under_the_answer_how_it_read_the_question()
    {
        await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), Token());

        Assert.Contains("_How I read it: inactive members as of ", Replies().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> ForgedTokens => new() { "missing", "expired", "wrong audience", "wrong issuer", "bad signature", "other service URL", "not a JWT" };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Refuses_a_request_whose_token_is_not_the_channels_and_does_nothing(string forgery)
    {
        var token = forgery switch
        {
            "missing" => null,
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Token(audience: "someone-elses-bot"),
            "wrong issuer" => Token(issuer: "https://evil.example"),
            "bad signature" => Token(foreignKey: true),
            "other service URL" => Token(serviceUrl: "https://evil.example/"),
            _ => "not-a-jwt",
        };

        var response = await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Activities);
    }

    [Fact]
    public async Task Tells_a_user_without_a_role_how_to_get_one()
    {
        await PostAsync(Message("Who are the inactive members with the highest reactivation score?", aadObjectId: "0b7c2d11-1111-4222-8333-444455556666"), Token());

        var reply = Assert.Single(Replies());
        Assert.Contains("community grant COMMUNITY --user aad:0b7c2d11-1111-4222-8333-444455556666 --role viewer", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_hello_when_added_to_a_conversation()
    {
        var update = new
        {
            type = "conversationUpdate",
            id = "f:welcome",
            serviceUrl = ServiceUrl,
            channelId = "msteams",
            from = new { id = "29:1Tz8aB3", aadObjectId = ManagerObjectId },
            conversation = new { conversationType = "personal", tenantId = "72f988bf-0000-0000-0000-000000000000", id = "a:1pErSoNaLcHaT" },
            recipient = new { id = "28:" + AppId, name = "Actionlytics" },
            membersAdded = new[] { new { id = "28:" + AppId } },
            channelData = new { tenant = new { id = "72f988bf-0000-0000-0000-000000000000" }, eventType = "teamMemberAdded" },
        };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(update, Token())).StatusCode);

        Assert.Contains("Nothing is sent to members without a manager's approval", Assert.Single(Replies()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_the_Bot_Connector_after_429_and_delivers_once()
    {
        _connector.FailNext(2);

        await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), Token());

        Assert.Single(Replies());
    }

    [Fact]
    public async Task Refuses_to_start_with_the_unsigned_emulator_switch_outside_Development()
    {
        await using var production = new ServerFactory(new() { ["environment"] = "Production", ["Teams:AllowUnsignedLocalEmulator"] = "true" });

        var error = Record.Exception(() => production.CreateServerClient());

        Assert.Contains("only allowed in the Development environment", error?.ToString() ?? "", StringComparison.Ordinal);
    }

    private const string ViewerObjectId = "9a8b7c6d-1234-4321-8888-0123456789ab";

    /// <summary>A click on a card's Action.Execute, as Teams sends it.</summary>
    private object Click(JsonElement data, string aadObjectId, string replyToId) => new
    {
        type = "invoke",
        name = "adaptiveCard/action",
        id = "f:invoke-" + aadObjectId[..4],
        replyToId,
        serviceUrl = ServiceUrl,
        channelId = "msteams",
        from = new { id = "29:1Tz8aB3" + aadObjectId[..4], aadObjectId },
        conversation = new { conversationType = "personal", tenantId = "72f988bf-0000-0000-0000-000000000000", id = "a:1pErSoNaLcHaT6e0a" },
        recipient = new { id = "28:" + AppId, name = "Actionlytics" },
        value = new { action = new { type = "Action.Execute", verb = data.GetProperty("verb").GetString(), data }, trigger = "manual" },
        channelData = new { tenant = new { id = "72f988bf-0000-0000-0000-000000000000" } },
    };

    /// <summary>Drafts in chat; returns the card's Approve data, the campaign and the card message's id.</summary>
    private async Task<(JsonElement Approve, long CampaignId, string CardId)> DraftOnTeamsAsync()
    {
        await PostAsync(Message("Draft a reactivation campaign for recently lapsed regulars"), Token());
        var cardMessage = _connector.Activities.Last(a => a.Method == "POST" && a.Body.TryGetProperty("attachments", out _));
        var card = cardMessage.Body.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        var approve = card.GetProperty("content").GetProperty("actions")[0];
        Assert.Equal("Action.Execute", approve.GetProperty("type").GetString());
        return (approve.GetProperty("data"), approve.GetProperty("data").GetProperty("campaignId").GetInt64(), cardMessage.Id);
    }

    private async Task<string> StateAsync(long id) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("campaign").GetProperty("state").GetString()!;

    [Fact]
    public async Task A_manager_approves_the_exact_version_on_the_card_and_the_card_is_replaced_for_everyone()
    {
        var (approve, id, cardId) = await DraftOnTeamsAsync();
        Assert.Equal(1, approve.GetProperty("version").GetInt32());

        var response = await PostAsync(Click(approve, ManagerObjectId, replyToId: cardId), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoke = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, invoke.GetProperty("statusCode").GetInt32());
        Assert.Contains("Approved by Megan Bowen at", invoke.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.False(invoke.GetProperty("value").TryGetProperty("actions", out _));
        Assert.Equal("approved", await StateAsync(id));
        var update = Assert.Single(_connector.Activities, a => a.Method == "PUT");
        Assert.EndsWith("/activities/" + cardId, Uri.UnescapeDataString(update.Path), StringComparison.Ordinal);
        Assert.Contains("Approved by", update.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewers_click_on_Approve_changes_nothing()
    {
        await _server.GrantAsync("demo", "aad:" + ViewerObjectId, CommunityRole.Viewer);
        var (approve, id, cardId) = await DraftOnTeamsAsync();

        var invoke = await (await PostAsync(Click(approve, ViewerObjectId, replyToId: cardId), Token())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("Only a manager", invoke.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("pending_approval", await StateAsync(id));
        Assert.DoesNotContain(_connector.Activities, a => a.Method == "PUT");
    }

    [Fact]
    public async Task A_click_with_a_forged_token_never_reaches_the_campaign()
    {
        var (approve, id, cardId) = await DraftOnTeamsAsync();

        var response = await PostAsync(Click(approve, ManagerObjectId, replyToId: cardId), Token(foreignKey: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("pending_approval", await StateAsync(id));
    }

    [Fact]
    public async Task Asks_the_other_managers_for_approval_in_their_personal_chat_and_not_viewers()
    {
        const string OtherManager = "c0ffee00-1111-4222-8333-444455556666";
        await _server.GrantAsync("demo", "aad:" + OtherManager, CommunityRole.Manager);
        await _server.GrantAsync("demo", "aad:" + ViewerObjectId, CommunityRole.Viewer);
        // Each has talked with the bot once: their conversation references are stored.
        await PostAsync(Message("How many inactive members are in each segment?", aadObjectId: OtherManager, id: "m-other"), Token());
        await PostAsync(Message("How many inactive members are in each segment?", aadObjectId: ViewerObjectId, id: "m-viewer"), Token());

        var (_, id, _) = await DraftOnTeamsAsync();

        var proactive = _connector.Activities.Where(a => a.Method == "POST" && a.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        var message = Assert.Single(proactive);
        Assert.Equal("/v3/conversations/a:1pErSoNaLcHaTc0ff/activities", Uri.UnescapeDataString(message.Path));
        Assert.Contains($"Campaign {id}", message.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Action.Execute", message.Body.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.Equal("aad:" + OtherManager, "aad:" + message.Body.GetProperty("recipient").GetProperty("aadObjectId").GetString());
    }

    [Fact]
    public async Task Every_copy_of_a_campaign_card_shows_the_decision_made_elsewhere()
    {
        const string OtherManager = "c0ffee00-1111-4222-8333-444455556666";
        await _server.GrantAsync("demo", "aad:" + OtherManager, CommunityRole.Manager);
        await PostAsync(Message("How many inactive members are in each segment?", aadObjectId: OtherManager, id: "m-other"), Token());
        var (_, id, cardId) = await DraftOnTeamsAsync();
        var otherCopy = _connector.Activities.Single(a => a.Body.TryGetProperty("text", out var text) && text.GetString()!.Contains("waits for a manager's approval", StringComparison.Ordinal)).Id;

        // Approved from the API (the web chat, the CLI): not a click on any card.
        (await _client.PostAsJsonAsync($"/api/campaigns/{id}/approve", new { version = 1 })).EnsureSuccessStatusCode();

        var updates = _connector.Activities.Where(a => a.Method == "PUT").ToList();
        Assert.Equal(new[] { cardId, otherCopy }.Order(StringComparer.Ordinal), updates.Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.All(updates, u => Assert.Contains("Approved by local", u.Body.GetRawText(), StringComparison.Ordinal));
        Assert.All(updates, u => Assert.False(u.Body.GetProperty("attachments")[0].GetProperty("content").TryGetProperty("actions", out _)));
    }

    [Fact]
    public async Task A_Direct_Line_client_gets_Action_Submit_cards_and_its_click_posts_back_the_decision()
    {
        // Web Chat over Direct Line has no Universal Actions: the card's buttons are Action.Submit, the click a message with a value.
        object DirectLine(string? text, object? value, string id) => new
        {
            type = "message", id, serviceUrl = ServiceUrl, channelId = "directline", text, value, locale = "en-US",
            from = new { id = "dl_manager", name = "Megan" }, conversation = new { id = "dl-conversation-1" }, recipient = new { id = AppId },
        };
        await _server.GrantAsync("demo", "channel:directline:dl_manager", CommunityRole.Manager);
        await PostAsync(DirectLine("Draft a reactivation campaign for recently lapsed regulars", null, "dl-1"), Token());
        var cardMessage = _connector.Activities.Last(a => a.Body.TryGetProperty("attachments", out _));
        var approve = cardMessage.Body.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0];
        Assert.Equal("Action.Submit", approve.GetProperty("type").GetString());
        var data = approve.GetProperty("data");

        var response = await PostAsync(DirectLine(null, data, "dl-2"), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approved", await StateAsync(data.GetProperty("campaignId").GetInt64()));
        // Direct Line cannot replace a message: the decided card comes as a reply.
        Assert.DoesNotContain(_connector.Activities, a => a.Method == "PUT");
        var decided = _connector.Activities.Last();
        Assert.EndsWith("/activities/dl-2", Uri.UnescapeDataString(decided.Path), StringComparison.Ordinal);
        Assert.Contains("Approved by Megan at", decided.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_lets_clients_pick_their_user_id_names_nobody()
    {
        // Not Teams and not trusted: the from field is the client's word, whatever Entra ID object id it claims.
        object Untrusted(string? text, object? value, string id) => new
        {
            type = "message", id, serviceUrl = ServiceUrl, channelId = "webchat", text, value, locale = "en-US",
            from = new { id = "anyone", name = "Megan", aadObjectId = ManagerObjectId }, conversation = new { id = "wc-1" }, recipient = new { id = AppId },
        };
        var (approve, id, _) = await DraftOnTeamsAsync();

        await PostAsync(Untrusted("Who are the inactive members with the highest reactivation score?", null, "wc-q"), Token());
        await PostAsync(Untrusted(null, approve, "wc-click"), Token());

        Assert.Equal("pending_approval", await StateAsync(id));
        var replies = _connector.Activities.Where(a => a.Path.Contains("wc-1", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Contains("does not tell me who you are", r.Body.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_card_the_bot_sends_is_a_valid_Adaptive_Card_1_5()
    {
        await PostAsync(Message("Any playbook advice for lurkers who never post?", id: "m-advice"), Token());
        await PostAsync(Message("Who are the inactive members with the highest reactivation score?", id: "m-scores"), Token());
        await PostAsync(Message("Chart the score distribution", id: "m-chart"), Token());
        await PostAsync(Message("Export the inactive members' scores as CSV", id: "m-export"), Token());
        var (approve, _, cardId) = await DraftOnTeamsAsync();
        var decided = await (await PostAsync(Click(approve, ManagerObjectId, replyToId: cardId), Token())).Content.ReadFromJsonAsync<JsonElement>();
        var cards = _connector.Activities.Where(a => a.Body.TryGetProperty("attachments", out _))
            .SelectMany(a => a.Body.GetProperty("attachments").EnumerateArray().Select(c => c.GetProperty("content")))
            .Append(decided.GetProperty("value")).ToList();
        Assert.Contains(cards, c => c.GetRawText().Contains("Sources (playbooks)", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.TryGetProperty("refresh", out _));
        Assert.Contains(cards, c => c.GetRawText().Contains("\"Table\"", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.GetRawText().Contains("\"Image\"", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.GetRawText().Contains("Action.OpenUrl", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.GetRawText().Contains("Approved by", StringComparison.Ordinal));

        var problems = await AdaptiveCardValidator.ValidateAsync(cards);

        Assert.All(problems, Assert.Empty);
        // The validator does find what is wrong: an unknown element, a bad value, an older version.
        var broken = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.2","body":[{"type":"Chart.Pie"},{"type":"TextBlock","text":"x","weight":"Heaviest"}]}""").RootElement;
        Assert.Equal(3, Assert.Single(await AdaptiveCardValidator.ValidateAsync([broken])).Count);
    }

    /// <summary>A link given to Teams, fetched from the test server instead of the public address.</summary>
    private string Local(string link) => _client.BaseAddress + link[(PublicUrl.Length + 1)..];

    private static JsonElement AnswerCardOf(JsonElement reply) =>
        reply.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("content"))
            .First(c => c.GetProperty("body")[0].GetProperty("text").GetString() == "AI-generated");

    [Fact]
    public async Task Shows_the_ranked_members_in_a_table_on_the_answer_card()
    {
        await PostAsync(Message("Who are the inactive members with the highest reactivation score?"), Token());

        var card = AnswerCardOf(Assert.Single(Replies()));
        var facts = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts");
        Assert.Equal("Inactive members", facts[0].GetProperty("title").GetString());
        var table = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Table");
        Assert.Equal(11, table.GetProperty("rows").GetArrayLength()); // the header, then the top ten
        var scores = await _client.GetFromJsonAsync<JsonElement>("/api/communities/demo/scores?limit=1");
        var first = table.GetProperty("rows")[1].GetProperty("cells");
        string Cell(int i) => first[i].GetProperty("items")[0].GetProperty("text").GetString()!;
        Assert.Equal(scores[0].GetProperty("score").GetDouble().ToString("F1", System.Globalization.CultureInfo.InvariantCulture), Cell(1));
        Assert.Equal(scores[0].GetProperty("last_active_date").GetString(), Cell(2));
    }

    [Fact]
    public async Task Chart_images_are_links_that_work_without_sign_in_and_cannot_be_forged_and_exports_need_sign_in()
    {
        await PostAsync(Message("Chart the score distribution", id: "m-chart"), Token());
        await PostAsync(Message("Export the inactive members' scores as CSV", id: "m-export"), Token());

        var replies = Replies();
        var image = AnswerCardOf(replies[0]).GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Image").GetProperty("url").GetString()!;
        var download = AnswerCardOf(replies[1]).GetProperty("actions")[0];
        Assert.Equal("Action.OpenUrl", download.GetProperty("type").GetString());
        var file = download.GetProperty("url").GetString()!;
        Assert.StartsWith(PublicUrl + "/api/teams/media/", image, StringComparison.Ordinal);
        // An export holds members' data: its link opens the signed-in API, never a link that is its own proof.
        Assert.StartsWith(PublicUrl + "/api/artifacts/", file, StringComparison.Ordinal);
        image = Local(image);
        file = Local(file);

        // As the Teams client fetches them: a browser's request, no sign-in, which the API itself refuses.
        using var anonymous = new HttpClient();
        anonymous.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var png = await anonymous.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(file)).StatusCode);
        Assert.StartsWith("member_id", await _client.GetStringAsync(file), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(_client.BaseAddress + "api/communities/demo/scores")).StatusCode);

        var token = image.Split('/')[^2];
        var forged = image.Replace(token, token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Sends_a_concluded_campaigns_results_to_the_managers_personal_chats()
    {
        var (_, id, _) = await DraftOnTeamsAsync();
        (await _client.PostAsJsonAsync($"/api/campaigns/{id}/approve", new { version = 1 })).EnsureSuccessStatusCode();
        // As if the campaign had been sent long enough ago for its goal window to have closed.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>();
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            campaign.State = CampaignState.Measuring;
            campaign.SendStartedAt = DateTimeOffset.UtcNow.AddDays(-campaign.GoalDays - 1);
            campaign.SentAt = campaign.SendStartedAt;
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(null, null, CancellationToken.None);
        }

        // The server's own dispatcher may have concluded it first: either way the results arrive once.
        BotConnectorRecorder.Received? message = null;
        for (var wait = 0; wait < 100 && message is null; wait++, await Task.Delay(100))
        {
            message = _connector.Activities.FirstOrDefault(a => a.Body.TryGetProperty("text", out var t) && t.GetString()!.Contains("has concluded", StringComparison.Ordinal));
        }
        Assert.NotNull(message);
        Assert.Equal("/v3/conversations/a:1pErSoNaLcHaT6e0a/activities", Uri.UnescapeDataString(message.Path));
        Assert.Equal("concluded", await StateAsync(id));
        var card = message.Body.GetProperty("attachments")[0].GetProperty("content");
        var table = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Table");
        var groups = (await _client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/results")).GetProperty("groups").GetArrayLength();
        Assert.Equal(groups + 1, table.GetProperty("rows").GetArrayLength());
        var chart = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Image").GetProperty("url").GetString()!;
        var png = await new HttpClient().GetByteArrayAsync(Local(chart));
        Assert.Equal(0x89, png[0]);
        Assert.All(await AdaptiveCardValidator.ValidateAsync([card]), Assert.Empty);
        Assert.Single(_connector.Activities, a => a.Body.TryGetProperty("text", out var t) && t.GetString()!.Contains("has concluded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepts_a_reaction_to_an_answer_and_sends_nothing_back()
    {
        var reaction = new
        {
            type = "messageReaction", id = "f:reaction-1", serviceUrl = ServiceUrl, channelId = "msteams", replyToId = "1700000000009",
            from = new { id = "29:1Tz8aB36e0a", aadObjectId = ManagerObjectId },
            conversation = new { conversationType = "personal", id = "a:1pErSoNaLcHaT6e0a" },
            recipient = new { id = "28:" + AppId },
            reactionsAdded = new[] { new { type = "like" } },
        };

        var response = await PostAsync(reaction, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Activities);
    }

    [Fact]
    public async Task Answers_501_to_an_invoke_it_does_not_handle()
    {
        var taskFetch = new
        {
            type = "invoke", name = "task/fetch", id = "f:task-1", serviceUrl = ServiceUrl, channelId = "msteams",
            from = new { id = "29:1Tz8aB36e0a", aadObjectId = ManagerObjectId }, conversation = new { conversationType = "personal", id = "a:1pErSoNaLcHaT6e0a" },
            recipient = new { id = "28:" + AppId }, value = new { data = new { type = "task/fetch" } },
        };

        var response = await PostAsync(taskFetch, Token());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_connector.Activities);
    }
}
