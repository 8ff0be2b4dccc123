namespace Actionlytics.Core.Members;

/// <summary>A member of a community, known by the platform's own identifier.</summary>
public sealed class Member
{
    public long Id { get; set; }

    public int CommunityId { get; set; }

    /// <summary>The platform's identifier for the member, unique within the community.</summary>
    public required string ExternalId { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>BCP 47 language tag used to pick the language of messages (for example <c>fr</c> or <c>en-GB</c>).</summary>
    public string? Locale { get; set; }

    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>Free attributes from the platform (department, country, plan...), as a JSON object.</summary>
    public string? AttributesJson { get; set; }

    /// <summary>Channels the member asked not to be contacted through. Campaigns never use these.</summary>
    public ContactChannels OptedOutChannels { get; set; }
}
