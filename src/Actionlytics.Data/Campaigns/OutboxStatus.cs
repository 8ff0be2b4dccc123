namespace Actionlytics.Data.Campaigns;

/// <summary>Where one recipient's message is.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its time (<see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.ClaimedUntil"/>; a claim that expires means the dispatcher died, and the message is sent again with the same key.</summary>
    Sending,

    Sent,

    /// <summary>Not sent on purpose: opted out, frequency cap, no address (see <see cref="OutboxMessage.SkipReason"/>).</summary>
    Skipped,

    /// <summary>Given up after permanent errors or too many attempts.</summary>
    Failed,
}
