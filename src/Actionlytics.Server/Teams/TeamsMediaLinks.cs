using System.Security.Cryptography;
using Actionlytics.Data.Conversations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Links to the charts and exports a tool made, for cards: the Teams client fetches images itself, without our
/// sign-in, so each link carries its own proof. The artifact id is sealed with ASP.NET Core data protection and an
/// expiry (<see cref="TeamsOptions.MediaLinkDays"/>); a forged, altered or expired link is a 404.
/// </summary>
public sealed class TeamsMediaLinks(IDataProtectionProvider protection, IOptionsMonitor<TeamsOptions> options, IHttpContextAccessor http, TimeProvider time)
{
    private const string Route = "/api/teams/media/";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Actionlytics.Teams.MediaLinks").ToTimeLimitedDataProtector();

    /// <summary>An absolute link to the artifact, or null when the server does not know its public address.</summary>
    public string? LinkTo(string artifactId, string fileName)
    {
        var request = http.HttpContext?.Request;
        var origin = options.CurrentValue.PublicUrl?.TrimEnd('/') ?? (request is null ? null : $"{request.Scheme}://{request.Host}");
        if (origin is null)
        {
            return null;
        }
        var token = Protector.Protect(artifactId, time.GetUtcNow().AddDays(options.CurrentValue.MediaLinkDays));
        return origin + Route + token + "/" + Uri.EscapeDataString(fileName);
    }

    /// <summary><c>GET /api/teams/media/{token}/{file}</c>: the artifact a link was made for, while the link is valid.</summary>
    public static IEndpointRouteBuilder MapTeamsMedia(IEndpointRouteBuilder app)
    {
        app.MapGet(Route + "{token}/{file}", async (string token, TeamsMediaLinks links, ArtifactStore artifacts, CancellationToken cancellationToken) =>
        {
            string id;
            try
            {
                id = links.Protector.Unprotect(token, out _);
            }
            catch (CryptographicException)
            {
                return Results.NotFound();
            }
            var artifact = await artifacts.FindAsync(id, cancellationToken);
            return artifact is null
                ? Results.NotFound()
                : Results.File(artifact.Content, artifact.MediaType, artifact.MediaType.StartsWith("image/", StringComparison.Ordinal) ? null : artifact.FileName);
        }).WithTags("Teams").WithSummary("A chart or export linked from a Teams card: the link is its own, expiring proof.");
        return app;
    }
}
