using System.Net.Sockets;
using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Campaigns;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>
/// Email over SMTP with MailKit: plain text, the outbox key as Message-ID (a re-send after a crash is the same message
/// to mail stores), and one-click unsubscribe headers (RFC 2369 List-Unsubscribe, RFC 8058 List-Unsubscribe-Post).
/// </summary>
public sealed class SmtpEmailSender(EmailDeliveryOptions options, TimeSpan timeout) : IMessageSender
{
    /// <summary>Each SMTP operation's limit at most; the dispatcher passes less when its claim lease is shorter.</summary>
    public const int TimeoutSeconds = 15;

    private readonly SmtpClient _client = new() { Timeout = (int)timeout.TotalMilliseconds };

    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<DeliveryOutcome> SendAsync(OutboxMessage message, string unsubscribeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        MimeMessage mime;
        try
        {
            mime = Build(message, unsubscribeUrl);
        }
        catch (ParseException e)
        {
            return new DeliveryOutcome(DeliveryResult.Permanent, $"Invalid address: {e.Message}");
        }
        try
        {
            await ConnectAsync(cancellationToken);
            await _client.SendAsync(mime, cancellationToken);
            return DeliveryOutcome.Delivered;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // This recipient or this message will never be taken. A 5xx on the sender or the login is our configuration:
            // retried (below) within MaxAttempts rather than failing every message of the campaign one by one.
            return new DeliveryOutcome(DeliveryResult.Permanent, $"SMTP {(int)e.StatusCode}: {e.Message}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException)
        {
            // The connection may be in any state: start the next message on a fresh one.
            await DisconnectQuietlyAsync();
            return new DeliveryOutcome(DeliveryResult.Transient, e.Message);
        }
    }

    /// <summary>The MIME message as it is sent: plain text, Message-ID from the outbox key, unsubscribe headers.</summary>
    public MimeMessage Build(OutboxMessage message, string unsubscribeUrl)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageKey,
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(new MailboxAddress(options.FromName ?? "", options.From));
        mime.To.Add(new MailboxAddress(message.DisplayName ?? "", MailboxAddress.Parse(message.Address).Address));
        mime.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.Headers.Add("X-Actionlytics-Campaign", $"{message.CampaignId}/{message.Variant}");
        return mime;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;
        await _client.ConnectAsync(options.Host ?? "localhost", options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are sent; a failed goodbye changes nothing.
            }
        }
        _client.Dispose();
    }
}
