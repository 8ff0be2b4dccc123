namespace Actionlytics.Core.Communities;

/// <summary>A community (or any platform) whose members' activity Actionlytics analyses.</summary>
public sealed class Community
{
    /// <summary>The inactivity threshold used when a community does not set one.</summary>
    public const int DefaultInactivityThresholdDays = 30;

    public int Id { get; set; }

    /// <summary>Short, URL-safe identifier used by the CLI, the API and the chat (for example <c>demo</c>).</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone whose calendar days events belong to (default <c>UTC</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Days without any event after which a member counts as inactive.</summary>
    public int InactivityThresholdDays { get; set; } = DefaultInactivityThresholdDays;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Incremented by every import into the community, in the import's transaction: in-memory analytics compare it to know they are current.</summary>
    public long DataVersion { get; set; }
}
