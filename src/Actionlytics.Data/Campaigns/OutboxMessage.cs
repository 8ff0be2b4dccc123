using Actionlytics.Core.Campaigns;

namespace Actionlytics.Data.Campaigns;

/// <summary>
/// One recipient's message, rendered and written in the same transaction that started the send, then delivered by the
/// dispatcher. <see cref="MessageKey"/> is the idempotency key every delivery carries (email Message-ID, webhook
/// Idempotency-Key): a message re-sent after a crash is the same message to the receiving side.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }

    public long CampaignId { get; init; }

    public int CommunityId { get; init; }

    public long MemberId { get; init; }

    public required string Variant { get; init; }

    public DeliveryChannel Channel { get; init; }

    /// <summary>Email address, or the member's id for webhooks.</summary>
    public required string Address { get; init; }

    public string? DisplayName { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string MessageKey { get; init; }

    /// <summary>Random secret in the unsubscribe link; finds the member and channel without exposing ids.</summary>
    public required string UnsubscribeToken { get; init; }

    public OutboxStatus Status { get; set; }

    public string? SkipReason { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
