using System.Security.Cryptography;
using Actionlytics.Data.Conversations;
using Actionlytics.Reports;
using Actionlytics.Server.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Links to the charts and exports a tool made, for cards. The Teams client fetches a card's images itself, without our
/// sign-in, so an image link carries its own proof: the artifact id sealed with ASP.NET Core data protection and an
/// expiry (<see cref="TeamsOptions.MediaLinkDays"/>); a forged, altered or expired link is a 404, and only images are
/// served that way (charts are aggregates). Exports hold members' data: their links open the signed-in API.
/// </summary>
public sealed class TeamsMediaLinks(IDataProtectionProvider protection, IOptionsMonitor<TeamsOptions> options, IHttpContextAccessor http, TimeProvider time)
{
    private const string Route = "/api/teams/media/";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Actionlytics.Teams.MediaLinks").ToTimeLimitedDataProtector();

    /// <summary>The server's address as Teams clients reach it: the configured one, else the one the channel called; null outside a request.</summary>
    public string? Origin => options.CurrentValue.PublicUrl?.TrimEnd('/')
        ?? (http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : null);

    /// <summary>An absolute link to the artifact (signed for an image, the signed-in API otherwise), or null without an <see cref="Origin"/>.</summary>
    public string? LinkTo(string artifactId, string fileName, string mediaType)
    {
        if (Origin is not { } origin)
        {
            return null;
        }
        if (!mediaType.StartsWith("image/", StringComparison.Ordinal))
        {
            return origin + "/api/artifacts/" + Uri.EscapeDataString(artifactId);
        }
        var token = Protector.Protect(artifactId, time.GetUtcNow().AddDays(options.CurrentValue.MediaLinkDays));
        return origin + Route + token + "/" + Uri.EscapeDataString(fileName);
    }

    /// <summary><c>GET /api/teams/media/{token}/{file}</c>: the artifact a link was made for, while the link is valid.</summary>
    public static IEndpointRouteBuilder MapTeamsMedia(IEndpointRouteBuilder app)
    {
        app.MapGet(Route + "{token}/{file}", async Task<Results<FileContentHttpResult, NotFound>> (string token, HttpResponse response, TeamsMediaLinks links, ArtifactStore artifacts, CancellationToken cancellationToken) =>
        {
            string id;
            try
            {
                id = links.Protector.Unprotect(token, out _);
            }
            catch (CryptographicException)
            {
                return TypedResults.NotFound();
            }
            var artifact = await artifacts.FindAsync(id, cancellationToken);
            if (artifact is null || !artifact.MediaType.StartsWith("image/", StringComparison.Ordinal))
            {
                return TypedResults.NotFound();
            }
            response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(artifact.Content, artifact.MediaType);
        }).WithTags("Teams").ProducesFiles(ExportFormat.Png, ExportFormat.Svg).WithSummary("A chart image linked from a Teams card: the link is its own, expiring proof.");
        return app;
    }
}
