namespace Actionlytics.Data.Conversations;

/// <summary>A conversation between one user and the agent about one community.</summary>
public sealed class ChatThread
{
    public required string Id { get; init; }

    public int CommunityId { get; init; }

    /// <summary>Who owns the thread: only they (and the community's admins) read it.</summary>
    public required string UserId { get; init; }

    public string Title { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
