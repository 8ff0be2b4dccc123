using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Security;

/// <summary>Checks every API call against the configured keys and the community it names.</summary>
public sealed class ApiAccess(IOptionsMonitor<ApiAccessOptions> options)
{
    public enum Verdict
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }

    public Verdict Check(HttpContext context, string? communitySlug, bool write)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = options.CurrentValue;
        if (access.Keys.Count == 0)
        {
            var remote = context.Connection.RemoteIpAddress;
            return access.AllowLoopbackWithoutKey && remote is not null && IPAddress.IsLoopback(remote) ? Verdict.Allowed : Verdict.Unauthenticated;
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

    /// <summary>Who is calling, for ownership of conversations: the API key's name, or <c>local</c> for a keyless loopback caller.</summary>
    public string CallerName(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = PresentedKey(context.Request);
        var key = presented is null ? null : options.CurrentValue.Keys.FirstOrDefault(k => k.Key.Length > 0 && FixedTimeEquals(k.Key, presented));
        return key is null ? "local" : "key:" + key.Name;
    }

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
            return Denied(http, slug, write) ?? await next(context);
        });
        return builder;
    }

    /// <summary>The 401 or 403 problem for a caller who may not read (or write) a community; null when they may.</summary>
    public static IResult? Denied(HttpContext http, string? slug, bool write)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<ApiAccess>().Check(http, slug, write) switch
        {
            ApiAccess.Verdict.Unauthenticated => Results.Problem(
                title: "Authentication required",
                detail: "Send an API key as X-Api-Key or Authorization: Bearer.",
                statusCode: StatusCodes.Status401Unauthorized),
            ApiAccess.Verdict.Forbidden => Results.Problem(
                title: "Not allowed",
                detail: write ? $"This API key may not write to community '{slug}'." : $"This API key may not read community '{slug}'.",
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
