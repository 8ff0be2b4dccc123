using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Checks the bearer token of every request the channel sends: signed by a key of the configured OpenID metadata,
/// from an accepted issuer, for our app id, within its lifetime (five minutes of clock skew, as the Bot Framework
/// allows), and issued for the service URL the activity names. Anything else is refused before the activity is read.
/// </summary>
public sealed class BotTokenValidator
{
    private readonly IOptionsMonitor<TeamsOptions> _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(IOptionsMonitor<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        _options = options;
        var url = options.CurrentValue.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(BotTokenValidator)))
        {
            RequireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>The token's claims when it is valid for <paramref name="serviceUrl"/>; otherwise why not.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Refusal)> ValidateAsync(string? authorization, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "no bearer token");
        }
        var options = _options.CurrentValue;
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = options.Issuers,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        var result = await _handler.ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), parameters);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // The channel may have rotated its keys: read the metadata again for the next request.
                _metadata.RequestRefresh();
            }
            return (null, result.Exception?.GetType().Name ?? "invalid token");
        }
        var claimed = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (claimed is null || serviceUrl is null || !string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the token was not issued for this service URL");
        }
        return (result.ClaimsIdentity, null);
    }
}
