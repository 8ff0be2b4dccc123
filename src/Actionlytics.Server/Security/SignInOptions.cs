using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Server.Security;

/// <summary>
/// How people sign in to the web chat. Bound from the <c>SignIn</c> section. Real deployments use OpenID Connect
/// (Microsoft Entra ID or any OIDC provider); the embedded default offers a local development sign-in, which the
/// server refuses to start with outside the Development environment.
/// </summary>
public sealed class SignInOptions : IValidatableObject
{
    public const string SectionName = "SignIn";

    /// <summary>OpenID Connect: enabled when <see cref="OidcOptions.Authority"/> is set.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Sign in by typing a user name, no password: for a developer's own machine only.</summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(5, 7 * 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    public bool OidcEnabled => !string.IsNullOrWhiteSpace(Oidc.Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OidcEnabled && string.IsNullOrWhiteSpace(Oidc.ClientId))
        {
            yield return new ValidationResult("SignIn:Oidc:ClientId is required with SignIn:Oidc:Authority.");
        }
        if (OidcEnabled && !Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"SignIn:Oidc:Authority '{Oidc.Authority}' is not an absolute URL.");
        }
    }

    /// <summary>An OpenID Connect provider (authorization code flow with PKCE).</summary>
    public sealed class OidcOptions
    {
        /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        /// <summary>Kept out of files: set it through an environment variable or a secret store.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>
        /// The claim that names the user in community roles, as <c>oidc:VALUE</c> (<c>community grant demo --user oidc:VALUE --role manager</c>).
        /// A stable, unique one: <c>sub</c> (default) or Entra ID's <c>oid</c>; never <c>preferred_username</c>, which users can change.
        /// </summary>
        public string UserClaim { get; set; } = "sub";

        /// <summary>Where the provider sends the browser back.</summary>
        public string CallbackPath { get; set; } = "/signin-oidc";

        /// <summary>The provider's display name on the sign-in page.</summary>
        public string DisplayName { get; set; } = "your organisation";
    }
}
