using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Server.Teams;

/// <summary>
/// The Microsoft Teams channel: the bot's Entra ID app registration and where tokens come from and are checked.
/// Bound from the <c>Teams</c> section. Off until <see cref="AppId"/> is set. The defaults are the Bot Framework's
/// public cloud; tests point them at a local issuer and a local Bot Connector.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Microsoft App ID: the audience of every token the channel sends us.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the tokens we send with replies. Keep it in an environment variable.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The tenant the bot's app lives in (single-tenant bots); <c>botframework.com</c> for multi-tenant ones.</summary>
    public string AppTenant { get; set; } = "botframework.com";

    /// <summary>OpenID metadata of the Bot Framework issuer: its signing keys check every inbound request.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuers whose tokens are accepted (the Bot Framework's; add Entra ID's for single-tenant bots).</summary>
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>Where the app token for outbound calls is asked for; <c>{tenant}</c> is replaced by <see cref="AppTenant"/>.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The community a conversation talks about when the user holds roles in several (otherwise their only one).</summary>
    public string? DefaultCommunity { get; set; }

    /// <summary>Development only: let an unsigned local emulator in. Refused at start outside Development.</summary>
    public bool AllowUnsignedLocalEmulator { get; set; }

    [Range(1, 10)]
    public int MaxSendAttempts { get; set; } = 4;

    /// <summary>
    /// The server's public address (<c>https://host</c>) in the links cards give to charts and exports; by default the
    /// address the channel called.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a chart's image link in a card stays valid.</summary>
    [Range(1, 90)]
    public int MediaLinkDays { get; set; } = 7;

    /// <summary>
    /// Channels besides Teams whose user ids name people in community roles (<c>channel:ID:USER</c>): only channels
    /// that authenticate their users, such as Direct Line with enhanced authentication. None by default: on other
    /// channels the client picks its own user id.
    /// </summary>
    public List<string> TrustedChannels { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The issuers to accept: the configured ones, or the Bot Framework's own.</summary>
    public IReadOnlyList<string> Issuers => ValidIssuers.Count > 0 ? ValidIssuers : ["https://api.botframework.com"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Teams:OpenIdMetadataUrl '{OpenIdMetadataUrl}' is not an absolute URL.");
        }
        if (Enabled && string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return new ValidationResult("Teams:AppPassword is required with Teams:AppId: replies need an app token.");
        }
    }
}
