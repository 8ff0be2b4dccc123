namespace Actionlytics.Data.Teams;

/// <summary>
/// A Teams conversation with one person, as the bot last saw it: the chat thread it continues, the community it talks
/// about, and the conversation reference (service URL, ids) that lets the bot write first (proactive messages).
/// </summary>
public sealed class TeamsConversation
{
    public required string ConversationId { get; init; }

    /// <summary>The person, as community roles name them: <c>aad:OBJECT-ID</c>.</summary>
    public required string UserId { get; init; }

    public int CommunityId { get; set; }

    public required string ThreadId { get; set; }

    public required string ServiceUrl { get; set; }

    /// <summary>The activity fields a proactive message needs (bot, user, conversation, tenant), as JSON.</summary>
    public required string ReferenceJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
