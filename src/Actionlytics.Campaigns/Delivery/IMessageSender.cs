using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Campaigns;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>Delivers outbox messages over one channel. One instance serves one dispatch run, so it may keep a connection open.</summary>
public interface IMessageSender : IAsyncDisposable
{
    DeliveryChannel Channel { get; }

    /// <summary>Sends one message carrying its <see cref="OutboxMessage.MessageKey"/> as the receiving side's idempotency key.</summary>
    Task<DeliveryOutcome> SendAsync(OutboxMessage message, string unsubscribeUrl, CancellationToken cancellationToken);
}
