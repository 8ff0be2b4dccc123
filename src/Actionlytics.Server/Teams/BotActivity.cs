using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actionlytics.Server.Teams;

/// <summary>
/// A Bot Framework Activity (the fields this bot reads and writes), as Teams and every Azure Bot Service channel send
/// it: <c>message</c>, <c>conversationUpdate</c>, <c>invoke</c> (<c>adaptiveCard/action</c>), <c>messageReaction</c>.
/// Unknown fields are ignored; <see cref="ChannelData"/> and <see cref="Value"/> stay raw JSON.
/// </summary>
public sealed record BotActivity
{
    public string Type { get; init; } = "";

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>For invokes: the operation, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    /// <summary>On a <c>messageReaction</c>: the reactions added to the message named by <see cref="ReplyToId"/> (<c>like</c>, <c>heart</c>...).</summary>
    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; init; }

    public IReadOnlyList<BotAttachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    /// <summary>Choices shown under the message as buttons; clicking one sends its value as the user's next message (<c>imBack</c>).</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>The JSON every Bot Framework endpoint speaks: camelCase, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Our reply to this activity, in its conversation, from its recipient (the bot) to its sender.</summary>
    public BotActivity Reply(string type = "message") => new()
    {
        Type = type,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Locale = Locale,
    };
}

/// <summary>A user or bot in a channel; <see cref="AadObjectId"/> is the Entra ID object id Teams adds for users.</summary>
public sealed record ChannelAccount(string Id, string? Name = null)
{
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}

/// <summary>A conversation: personal, group chat or channel; <see cref="TenantId"/> is set by Teams.</summary>
public sealed record ConversationAccount(string Id)
{
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }
}

/// <summary>A reaction to a message, as Teams names it (<c>like</c>, <c>heart</c>, <c>laugh</c>, <c>surprised</c>, <c>sad</c>, <c>angry</c>).</summary>
public sealed record MessageReaction(string Type);

/// <summary>The Bot Framework's suggested actions: buttons under a message, gone once the user answers.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>One button: <c>imBack</c> sends <see cref="Value"/> back as the user's message.</summary>
public sealed record CardAction(string Type, string Title, string Value);

/// <summary>An attachment: an Adaptive Card (<c>application/vnd.microsoft.card.adaptive</c>) or a file link.</summary>
public sealed record BotAttachment(string ContentType, object? Content = null, string? ContentUrl = null, string? Name = null);
