using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actionlytics.Core.Communities;

namespace Actionlytics.Server.Tests;

/// <summary>Browser sign-in: development sign-in, OpenID Connect against a local provider, roles, anti-forgery and headers.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly OidcTestProvider _provider = new();
    private ServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _server = new ServerFactory(new()
        {
            ["SignIn:Oidc:Authority"] = _provider.Issuer,
            ["SignIn:Oidc:ClientId"] = OidcTestProvider.ClientId,
            ["SignIn:Oidc:ClientSecret"] = OidcTestProvider.ClientSecret,
            ["SignIn:Oidc:DisplayName"] = "Test provider",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    /// <summary>A client that keeps cookies, follows no redirect, and marks its requests as a browser's.</summary>
    private async Task<HttpClient> BrowserAsync()
    {
        var local = await _server.CreateHealthyClientAsync();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = local.BaseAddress };
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static async Task<JsonElement> SessionAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/auth/session");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", csrf);
        }
        return await client.SendAsync(request);
    }

    private Task GrantAsync(string user, CommunityRole role) => _server.GrantAsync("demo", user, role);

    [Fact]
    public async Task A_browser_is_never_let_in_as_the_local_user_without_signing_in()
    {
        var script = await _server.CreateHealthyClientAsync();
        var browser = await BrowserAsync();

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/communities/demo")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/communities/demo")).StatusCode);
        Assert.False((await SessionAsync(browser)).GetProperty("signed_in").GetBoolean());
    }

    [Fact]
    public async Task Development_sign_in_needs_the_anti_forgery_token_and_reads_only_where_the_user_has_a_role()
    {
        var browser = await BrowserAsync();
        var anonymous = await SessionAsync(browser);
        Assert.True(anonymous.GetProperty("methods").GetProperty("development").GetBoolean());
        Assert.Equal("Test provider", anonymous.GetProperty("methods").GetProperty("oidc").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "/auth/development", new { user = "nobody" }, csrf: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "/auth/development", new { user = "<script>" }, anonymous.GetProperty("csrf_token").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(browser, "/auth/development", new { user = "nobody" }, anonymous.GetProperty("csrf_token").GetString())).StatusCode);

        var session = await SessionAsync(browser);
        Assert.Equal("nobody", session.GetProperty("user").GetString());
        Assert.Empty(session.GetProperty("communities").EnumerateArray());
        Assert.Empty((await browser.GetFromJsonAsync<JsonElement>("/api/communities")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/communities/demo/scores?limit=1")).StatusCode);

        await GrantAsync("nobody", CommunityRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/communities/demo/scores?limit=1")).StatusCode);
        var role = Assert.Single((await SessionAsync(browser)).GetProperty("communities").EnumerateArray());
        Assert.Equal("viewer", role.GetProperty("role").GetString());
        // A viewer reads, a manager changes: drafting a campaign is refused before it reaches the campaign service.
        var token = (await SessionAsync(browser)).GetProperty("csrf_token").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(browser, "/api/communities/demo/campaigns", new { segment = "recently_lapsed" }, token)).StatusCode);
    }

    [Fact]
    public async Task Signs_in_through_OpenID_Connect_with_PKCE_and_names_the_user_by_their_stable_subject()
    {
        var browser = await BrowserAsync();

        var challenge = await browser.GetAsync("/auth/oidc?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Issuer + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);

        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorized = await providerClient.GetAsync(authorize);
        Assert.True(authorized.StatusCode == HttpStatusCode.Redirect, $"{authorized.StatusCode}: {await authorized.Content.ReadAsStringAsync()} for {authorize}");
        var back = authorized.Headers.Location!;
        var callback = await browser.GetAsync(back.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/", callback.Headers.Location!.ToString());

        var session = await SessionAsync(browser);
        Assert.True(session.GetProperty("signed_in").GetBoolean());
        // Named by the stable "sub" claim, prefixed so that no provider account can be "local" or an API key.
        Assert.Equal("oidc:subject-Ada.Manager@Example.org", session.GetProperty("user").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/communities/demo")).StatusCode);
        await GrantAsync("oidc:subject-Ada.Manager@Example.org", CommunityRole.Manager);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/communities/demo")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Comes_back_only_to_a_path_of_this_site_after_signing_in(string returnUrl)
    {
        var browser = await BrowserAsync();

        var challenge = await browser.GetAsync("/auth/oidc?returnUrl=" + Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl)));
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = (await providerClient.GetAsync(challenge.Headers.Location!)).Headers.Location!;
        var callback = await browser.GetAsync(back.PathAndQuery);

        Assert.Equal("/", callback.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_development_sign_in_answers_only_callers_on_this_machine()
    {
        var browser = await BrowserAsync();
        var token = (await SessionAsync(browser)).GetProperty("csrf_token").GetString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/development") { Content = JsonContent.Create(new { user = "local" }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendAsync(request)).StatusCode);
        Assert.False((await SessionAsync(browser)).GetProperty("signed_in").GetBoolean());
    }

    [Fact]
    public async Task A_forged_callback_signs_no_one_in()
    {
        var browser = await BrowserAsync();
        await browser.GetAsync("/auth/oidc?returnUrl=/");

        var forged = await browser.GetAsync("/signin-oidc?code=made-up&state=made-up");

        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.False((await SessionAsync(browser)).GetProperty("signed_in").GetBoolean());
    }

    [Fact]
    public async Task Serves_the_web_chat_with_security_headers()
    {
        var client = await _server.CreateHealthyClientAsync();

        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Actionlytics Agent</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Refuses_to_start_with_the_development_sign_in_outside_Development()
    {
        await using var production = new ServerFactory(new() { ["environment"] = "Production", ["SignIn:DevelopmentSignIn"] = "true" });

        var error = Record.Exception(() => production.CreateServerClient());

        Assert.NotNull(error);
        Assert.Contains("only allowed in the Development environment", error.ToString(), StringComparison.Ordinal);
    }
}
