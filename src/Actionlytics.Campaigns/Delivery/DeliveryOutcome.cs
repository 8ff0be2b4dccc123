namespace Actionlytics.Campaigns.Delivery;

/// <summary>What happened to one delivery attempt.</summary>
public enum DeliveryResult
{
    Delivered,

    /// <summary>Worth retrying later (connection lost, 4xx SMTP reply, HTTP 429 or 5xx).</summary>
    Transient,

    /// <summary>Will not work however often it is tried (mailbox does not exist, 4xx HTTP reply).</summary>
    Permanent,
}

public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null)
{
    public static readonly DeliveryOutcome Delivered = new(DeliveryResult.Delivered);
}
