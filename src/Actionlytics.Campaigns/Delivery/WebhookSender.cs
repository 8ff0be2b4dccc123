using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Campaigns;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>
/// A JSON POST per message to the configured URL, signed so the receiver can trust it:
/// <c>X-Actionlytics-Signature: sha256=HEX(HMAC-SHA256(secret, "{timestamp}.{body}"))</c> with the Unix timestamp in
/// <c>X-Actionlytics-Timestamp</c> (receivers reject old timestamps to stop replays), and the outbox key in <c>Idempotency-Key</c>.
/// </summary>
public sealed class WebhookSender(HttpClient http, WebhookDeliveryOptions options, TimeSpan timeout, TimeProvider time) : IMessageSender
{
    public const string SignatureHeader = "X-Actionlytics-Signature";
    public const string TimestampHeader = "X-Actionlytics-Timestamp";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public async Task<DeliveryOutcome> SendAsync(OutboxMessage message, string unsubscribeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.Serialize(new
        {
            id = message.MessageKey,
            campaign_id = message.CampaignId,
            variant = message.Variant,
            member = new { id = message.Address, display_name = message.DisplayName },
            subject = message.Subject,
            body = message.Body,
            unsubscribe_url = unsubscribeUrl,
        });
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(options.Secret, timestamp, body));
        request.Headers.Add("Idempotency-Key", message.MessageKey);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var response = await http.SendAsync(request, deadline.Token);
            var status = (int)response.StatusCode;
            // 409: the receiver already has this Idempotency-Key, so it was delivered. 401/403/404 mean a receiver
            // misconfigured for now, not a bad message: retried within MaxAttempts rather than failing a whole campaign at once.
            return response.IsSuccessStatusCode || status == (int)HttpStatusCode.Conflict ? DeliveryOutcome.Delivered
                : status is 401 or 403 or 404 or 408 or 429 || status >= 500
                    ? new DeliveryOutcome(DeliveryResult.Transient, $"HTTP {status}")
                    : new DeliveryOutcome(DeliveryResult.Permanent, $"HTTP {status}");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome(DeliveryResult.Transient, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(DeliveryResult.Transient, $"No answer within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>The signature header's value for a body sent at a timestamp.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
