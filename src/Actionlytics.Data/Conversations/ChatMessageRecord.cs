namespace Actionlytics.Data.Conversations;

/// <summary>One stored message of a thread: a Microsoft.Extensions.AI chat message as JSON, in order.</summary>
public sealed class ChatMessageRecord
{
    public long Id { get; init; }

    public required string ThreadId { get; init; }

    /// <summary>Position in the thread, from 0.</summary>
    public int Sequence { get; init; }

    public required string Role { get; init; }

    /// <summary>The <c>ChatMessage</c> serialized with the AI library's options (text, tool calls, tool results, approvals).</summary>
    public required string ContentJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
