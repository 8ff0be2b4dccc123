namespace Actionlytics.Data.Conversations;

/// <summary>A file a tool produced (a chart, an export), kept so every channel can show or download it.</summary>
public sealed class StoredArtifact
{
    public required string Id { get; init; }

    public int CommunityId { get; init; }

    public required string Title { get; init; }

    public required string FileName { get; init; }

    public required string MediaType { get; init; }

    public required byte[] Content { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
