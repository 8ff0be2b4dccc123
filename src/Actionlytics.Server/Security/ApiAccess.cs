using System.Net;
using System.Security.Cryptography;
using System.Text;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Security;

/// <summary>
/// Checks every API call: a signed-in browser by the user's role in the community it names (viewer reads, manager
/// changes), a script by its API key, and with no key configured, a script on this machine as the local user.
/// </summary>
public sealed class ApiAccess(IOptionsMonitor<ApiAccessOptions> options)
{
    public enum Verdict
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }

    public async Task<Verdict> CheckAsync(HttpContext context, string? communitySlug, bool write)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SignIn.UserOf(context.User) is { } user)
        {
            if (communitySlug is null)
            {
                return Verdict.Allowed;
            }
            var role = await context.RequestServices.GetRequiredService<CommunityRoles>().RoleAsync(communitySlug, user, context.RequestAborted);
            return role is { } held && held >= (write ? CommunityRole.Manager : CommunityRole.Viewer) ? Verdict.Allowed : Verdict.Forbidden;
        }
        var access = options.CurrentValue;
        if (access.Keys.Count == 0)
        {
            // The keyless pass is for scripts and the CLI on this machine. A browser always signs in: otherwise any page
            // it visits could drive this API as the local admin.
            return access.AllowLoopbackWithoutKey && FromThisMachine(context) && !FromBrowser(context.Request)
                ? Verdict.Allowed
                : Verdict.Unauthenticated;
        }

        var presented = PresentedKey(context.Request);
        if (presented is null)
        {
            return Verdict.Unauthenticated;
        }
        var key = access.Keys.FirstOrDefault(k => k.Key.Length > 0 && FixedTimeEquals(k.Key, presented));
        if (key is null)
        {
            return Verdict.Unauthenticated;
        }
        var communityAllowed = communitySlug is null
            || key.Communities.Count == 0
            || key.Communities.Any(c => c == "*" || string.Equals(c, communitySlug, StringComparison.Ordinal));
        return communityAllowed && (!write || key.CanWrite) ? Verdict.Allowed : Verdict.Forbidden;
    }

    /// <summary>
    /// Who is calling, for ownership of conversations and community roles: the signed-in user, the API key's name as
    /// <c>key:NAME</c>, or <c>local</c> for a keyless caller on this machine.
    /// </summary>
    public string CallerName(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SignIn.UserOf(context.User) is { } user)
        {
            return user;
        }
        var presented = PresentedKey(context.Request);
        var key = presented is null ? null : options.CurrentValue.Keys.FirstOrDefault(k => k.Key.Length > 0 && FixedTimeEquals(k.Key, presented));
        return key is null ? "local" : "key:" + key.Name;
    }

    /// <summary>
    /// A caller on this machine, talking to this machine: a loopback address, a loopback Host (a DNS-rebound page names
    /// another host), and no proxy in between (a reverse proxy on the same host makes every caller look local).
    /// </summary>
    public static bool FromThisMachine(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        var host = context.Request.Host.Host;
        var loopbackHost = host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
        var proxied = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
        return remote is not null && IPAddress.IsLoopback(remote) && loopbackHost && !proxied;
    }

    /// <summary>Browsers mark every request with fetch metadata (Sec-Fetch-Site); scripts and the CLI do not.</summary>
    private static bool FromBrowser(HttpRequest request) => request.Headers.ContainsKey("Sec-Fetch-Site");

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}

/// <summary>Endpoint filters that apply <see cref="ApiAccess"/> to a route with a <c>{slug}</c>.</summary>
public static class ApiAccessEndpointExtensions
{
    public static TBuilder RequireCommunityAccess<TBuilder>(this TBuilder builder, bool write)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var slug = http.Request.RouteValues.TryGetValue("slug", out var value) ? value as string : null;
            return await DeniedAsync(http, slug, write) ?? await next(context);
        });
        return builder;
    }

    /// <summary>The 401 or 403 problem for a caller who may not read (or write) a community; null when they may.</summary>
    public static async Task<IResult?> DeniedAsync(HttpContext http, string? slug, bool write)
    {
        ArgumentNullException.ThrowIfNull(http);
        var who = SignIn.UserOf(http.User) is { } user ? user : "This API key";
        return await http.RequestServices.GetRequiredService<ApiAccess>().CheckAsync(http, slug, write) switch
        {
            ApiAccess.Verdict.Unauthenticated => TypedResults.Problem(
                title: "Authentication required",
                detail: "Sign in (the web chat), or send an API key as X-Api-Key or Authorization: Bearer.",
                statusCode: StatusCodes.Status401Unauthorized),
            ApiAccess.Verdict.Forbidden => TypedResults.Problem(
                title: "Not allowed",
                detail: write ? $"{who} may not change anything in community '{slug}' (a manager may)." : $"{who} may not read community '{slug}'.",
                statusCode: StatusCodes.Status403Forbidden),
            _ => null,
        };
    }

    public static IHostApplicationBuilder AddApiAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ApiAccessOptions>().Bind(builder.Configuration.GetSection(ApiAccessOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiAccess>();
        return builder;
    }
}
