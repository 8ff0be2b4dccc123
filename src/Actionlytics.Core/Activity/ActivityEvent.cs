namespace Actionlytics.Core.Activity;

/// <summary>One thing a member did on the platform, at one instant.</summary>
public sealed class ActivityEvent
{
    public long Id { get; set; }

    public int CommunityId { get; set; }

    /// <summary>The platform's identifier for the event, unique within the community; re-imports are idempotent on it.</summary>
    public required string EventKey { get; set; }

    public long MemberId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The calendar day of <see cref="OccurredAt"/> in the community's time zone.</summary>
    public DateOnly Day { get; set; }

    /// <summary>What the member did: one of <see cref="ActionNames.Known"/> or a custom action name.</summary>
    public required string Action { get; set; }

    public string? ContentId { get; set; }

    public string? Channel { get; set; }

    /// <summary>Any other fields the platform sent, as a JSON object.</summary>
    public string? MetadataJson { get; set; }
}
