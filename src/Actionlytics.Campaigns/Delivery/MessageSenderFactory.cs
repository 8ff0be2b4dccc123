using Actionlytics.Core.Campaigns;
using Microsoft.Extensions.Options;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>Creates the sender of a channel for one dispatch run, from the configured options.</summary>
public class MessageSenderFactory(IOptions<CampaignOptions> options, IHttpClientFactory httpClients, TimeProvider time)
{
    public const string WebhookClient = "campaign-webhooks";

    public virtual IMessageSender? Create(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email when !string.IsNullOrWhiteSpace(options.Value.Email.Host) =>
            new SmtpEmailSender(options.Value.Email, options.Value.SendTimeout(SmtpEmailSender.TimeoutSeconds)),
        DeliveryChannel.Webhook when !string.IsNullOrWhiteSpace(options.Value.Webhook.Url) =>
            new WebhookSender(httpClients.CreateClient(WebhookClient), options.Value.Webhook, options.Value.SendTimeout(options.Value.Webhook.TimeoutSeconds), time),
        _ => null,
    };

    public double PerSecond(DeliveryChannel channel) => channel == DeliveryChannel.Webhook ? options.Value.Webhook.PerSecond : options.Value.Email.PerSecond;
}
