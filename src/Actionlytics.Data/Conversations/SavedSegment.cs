namespace Actionlytics.Data.Conversations;

/// <summary>A named list of members frozen at a moment, created from a filter on the scores after a manager approved it.</summary>
public sealed class SavedSegment
{
    public long Id { get; init; }

    public int CommunityId { get; init; }

    public required string Name { get; init; }

    /// <summary>The filter it came from, as the manager would read it.</summary>
    public required string Definition { get; init; }

    /// <summary>The members' platform ids, as a JSON array.</summary>
    public required string MemberIdsJson { get; init; }

    public int MemberCount { get; init; }

    /// <summary>The inactivity threshold the members were selected with: campaigns score them with the same one.</summary>
    public int InactiveAfterDays { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
