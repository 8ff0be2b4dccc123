namespace Actionlytics.Data.Teams;

/// <summary>
/// A campaign's approval card the bot sent to a conversation: where it is, so that every copy can be replaced when the
/// campaign changes (edited, approved or rejected from any channel).
/// </summary>
public sealed class TeamsCard
{
    public long Id { get; init; }

    public long CampaignId { get; init; }

    public required string ConversationId { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The channel (<c>msteams</c>, or another that can replace messages): which card actions it understands.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The id the Bot Connector gave the card's activity.</summary>
    public required string ActivityId { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
