using System.Security.Claims;
using System.Text.RegularExpressions;
using Actionlytics.Data.Communities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Security;

/// <summary>
/// Browser sign-in for the web chat: a session cookie, opened by OpenID Connect or (on a developer's machine) by the
/// local development sign-in; anti-forgery tokens on every change a signed-in browser asks for; security headers on
/// every response. Who may do what in a community is decided by the roles in the store, never by the page.
/// </summary>
public static partial class SignIn
{
    /// <summary>The claim holding the user id that community roles name.</summary>
    public const string UserClaim = "actionlytics_user";

    private const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SignInOptions.SectionName);
        builder.Services.AddOptions<SignInOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<SignInOptions>() ?? new SignInOptions();
        // Sign-in cookies, anti-forgery tokens and Teams image links are sealed with these keys: kept with the data, they
        // survive restarts (and a container's replacement when the data folder is a volume).
        var store = builder.Configuration.GetSection(Data.Store.StoreOptions.SectionName).Get<Data.Store.StoreOptions>() ?? new Data.Store.StoreOptions();
        builder.Services.AddDataProtection().SetApplicationName("Actionlytics")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(store.ResolveDataFolder(), "keys")));
        if (options.DevelopmentSignIn && !builder.Environment.IsDevelopment())
        {
            // A sign-in without a password must never reach a shared server: refuse to start rather than warn.
            throw new OptionsValidationException(SignInOptions.SectionName, typeof(SignInOptions),
                [$"SignIn:DevelopmentSignIn is only allowed in the Development environment (this is {builder.Environment.EnvironmentName}). Configure SignIn:Oidc instead."]);
        }

        var development = builder.Environment.IsDevelopment();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "actionlytics.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax; // Lax, not Strict: the OIDC provider's redirect back must carry it.
                cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                cookie.SlidingExpiration = true;
                // The API answers 401 and 403 itself; the page shows its own sign-in.
                cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        if (options.OidcEnabled)
        {
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Oidc.Authority;
                oidc.ClientId = options.Oidc.ClientId;
                oidc.ClientSecret = options.Oidc.ClientSecret;
                oidc.CallbackPath = options.Oidc.CallbackPath;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false; // keep the provider's claim names: UserClaim names one of them
                oidc.RequireHttpsMetadata = !development;
                if (development)
                {
                    // On http://localhost a cross-site form post would lose the correlation cookies (SameSite=None needs
                    // Secure): come back with a plain redirect, which Lax cookies follow.
                    oidc.ResponseMode = "query";
                    oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                    oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                oidc.Scope.Add("email"); // openid and profile are there by default
                oidc.Events.OnTokenValidated = context =>
                {
                    var principal = context.Principal!;
                    var user = principal.FindFirst(options.Oidc.UserClaim)?.Value;
                    if (string.IsNullOrWhiteSpace(user))
                    {
                        context.Fail($"The provider's token has no '{options.Oidc.UserClaim}' claim to name the user.");
                        return Task.CompletedTask;
                    }
                    // Prefixed: no provider account can take the name of the local user or of an API key.
                    context.Principal = Principal("oidc:" + user.Trim(), principal.FindFirst("name")?.Value ?? user, "oidc");
                    return Task.CompletedTask;
                };
            });
        }
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "actionlytics.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>Security headers, authentication, and anti-forgery checks for signed-in browsers' changes.</summary>
    public static WebApplication UseSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (NeedsAntiforgery(context))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await TypedResults.Problem(title: "Anti-forgery check failed",
                        detail: $"Reload the page: a signed-in browser's change must carry the {AntiforgeryHeader} header from /auth/session.",
                        statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>Changes asked by a signed-in browser, and every sign-in or sign-out, carry an anti-forgery token.</summary>
    private static bool NeedsAntiforgery(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && (context.Request.Path.StartsWithSegments("/auth") || (context.User.Identity?.IsAuthenticated == true && !context.Request.Path.StartsWithSegments("/u")));

    public sealed record DevelopmentSignInRequest(string User);

    /// <summary>What the browser knows of its session: who, their communities with their role, how one may sign in.</summary>
    public sealed record Session(bool SignedIn, string? User, string? Name, string? CsrfToken, IReadOnlyList<SessionCommunity> Communities, SignInMethods Methods);

    public sealed record SessionCommunity(string Slug, string Name, string Role);

    /// <summary>The sign-in methods on offer: development sign-in, and the OpenID Connect provider's display name.</summary>
    public sealed record SignInMethods(bool Development, string? Oidc);

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.MapGroup("/auth").WithTags("Sign-in");

        auth.MapGet("/session", async (HttpContext http, IAntiforgery antiforgery, IOptions<SignInOptions> options, CommunityRoles roles) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            var user = UserOf(http.User);
            return TypedResults.Ok(new Session(
                SignedIn: user is not null,
                User: user,
                Name: user is null ? null : http.User.Identity?.Name,
                CsrfToken: tokens.RequestToken,
                Communities: user is null ? [] : (await roles.RolesOfAsync(user, http.RequestAborted))
                    .Select(r => new SessionCommunity(r.Slug, r.Name, r.Role.ToString().ToLowerInvariant())).ToList(),
                Methods: new SignInMethods(options.Value.DevelopmentSignIn, options.Value.OidcEnabled ? options.Value.Oidc.DisplayName : null)));
        }).WithSummary("Who is signed in and their communities with their role, how one may sign in, and the anti-forgery token for changes (send it as X-CSRF-TOKEN).");

        auth.MapPost("/development", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (DevelopmentSignInRequest request, HttpContext http, IOptions<SignInOptions> options) =>
        {
            // No password: only for the person at this machine, never for a caller on the network.
            if (!options.Value.DevelopmentSignIn || !ApiAccess.FromThisMachine(http))
            {
                return TypedResults.NotFound();
            }
            var user = (request.User ?? "").Trim().ToLowerInvariant();
            if (!UserName().IsMatch(user))
            {
                return TypedResults.Problem(title: "Invalid user name", detail: "Use 1 to 64 letters, digits, '.', '-', '_' or '@'.", statusCode: StatusCodes.Status400BadRequest);
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, user, "development"));
            return TypedResults.NoContent();
        }).WithSummary("Development only: signs in as the named user, without a password. Refused at start outside Development.");

        auth.MapGet("/oidc", (string? returnUrl, IOptions<SignInOptions> options) =>
            options.Value.OidcEnabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/" },
                    [OpenIdConnectDefaults.AuthenticationScheme])
                : TypedResults.NotFound())
            .Produces(StatusCodes.Status302Found)
            .Produces(StatusCodes.Status404NotFound)
            .WithSummary("Starts the OpenID Connect sign-in and comes back to returnUrl (a path of this site).");

        auth.MapPost("/signout", async Task<NoContent> (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).WithSummary("Ends the browser's session.");
        return app;
    }

    /// <summary>The signed-in user's id, or null.</summary>
    public static string? UserOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true ? principal.FindFirst(UserClaim)?.Value : null;
    }

    private static ClaimsPrincipal Principal(string user, string name, string method) =>
        new(new ClaimsIdentity([new Claim(UserClaim, user), new Claim(ClaimTypes.Name, name), new Claim("amr", method)], CookieAuthenticationDefaults.AuthenticationScheme));

    [GeneratedRegex("^[a-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();
}
