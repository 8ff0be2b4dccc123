using System.ComponentModel.DataAnnotations;
using Actionlytics.Core.Campaigns;

namespace Actionlytics.Campaigns;

/// <summary>How campaigns are delivered. Bound from the <c>Campaigns</c> section.</summary>
public sealed class CampaignOptions : IValidatableObject
{
    public const string SectionName = "Campaigns";

    /// <summary>Where members reach this server: unsubscribe and preference links start with it.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5180";

    /// <summary>At most one reactivation message per member within this many days, across campaigns.</summary>
    [Range(0, 365)]
    public int FrequencyCapDays { get; set; } = 14;

    /// <summary>Local time (in the member's time zone) from which nothing is sent; equal to <see cref="QuietHoursEnd"/> for none.</summary>
    public TimeOnly QuietHoursStart { get; set; } = QuietHours.Default.Start;

    public TimeOnly QuietHoursEnd { get; set; } = QuietHours.Default.End;

    /// <summary>How long a dispatcher holds a message it is sending; after that, a message still marked sending is deemed in doubt and sent again.</summary>
    [Range(1, 3600)]
    public int ClaimSeconds { get; set; } = 60;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry waits this long; each next one twice as long (with jitter).</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 1000)]
    public int DispatchBatchSize { get; set; } = 50;

    /// <summary>How often the server's dispatcher looks for due messages.</summary>
    [Range(1, 3600)]
    public int DispatchIntervalSeconds { get; set; } = 5;

    public EmailDeliveryOptions Email { get; set; } = new();

    public WebhookDeliveryOptions Webhook { get; set; } = new();

    public QuietHours QuietHours => new(QuietHoursStart, QuietHoursEnd);

    /// <summary>
    /// How long one send may take: under half the claim lease, so a slow send is never claimed by a second dispatcher
    /// while the first is still talking to the server (capped by the channel's own timeout).
    /// </summary>
    public TimeSpan SendTimeout(int channelSeconds) => TimeSpan.FromSeconds(Math.Max(1, Math.Min(channelSeconds, ClaimSeconds / 2.0)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Campaigns:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) URL.");
        }
        if (Webhook.Url is { Length: > 0 } && Webhook.Secret.Length < 16)
        {
            yield return new ValidationResult("Campaigns:Webhook:Secret must be at least 16 characters when a webhook URL is set.");
        }
        // Nested sections are not validated by data annotations on their own.
        foreach (var (section, value) in new (string, object)[] { ("Email", Email), ("Webhook", Webhook) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"Campaigns:{section}: {result.ErrorMessage}");
            }
        }
        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Email.Security, ignoreCase: true, out var security) || int.TryParse(Email.Security, out _))
        {
            yield return new ValidationResult($"Campaigns:Email:Security '{Email.Security}' is not one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.");
        }
        else if (!string.IsNullOrEmpty(Email.UserName) && security is not (MailKit.Security.SecureSocketOptions.StartTls or MailKit.Security.SecureSocketOptions.SslOnConnect))
        {
            // With "when available", a man in the middle strips STARTTLS and reads the password.
            yield return new ValidationResult("Campaigns:Email:Security must be StartTls or SslOnConnect when a UserName is set, so the password never travels in clear.");
        }

    }
}

/// <summary>SMTP delivery (MailKit). No host: email campaigns cannot be sent, and saying so is an error at send time.</summary>
public sealed class EmailDeliveryOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "community@localhost";

    public string? FromName { get; set; }

    /// <summary>Messages per second at most.</summary>
    [Range(0.1, 10_000)]
    public double PerSecond { get; set; } = 20;
}

/// <summary>Webhook delivery: a JSON POST per message, signed with HMAC-SHA256 over the timestamp and the body.</summary>
public sealed class WebhookDeliveryOptions
{
    public string? Url { get; set; }

    public string Secret { get; set; } = "";

    [Range(0.1, 10_000)]
    public double PerSecond { get; set; } = 20;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;
}
