using Actionlytics.Core.Campaigns;

namespace Actionlytics.Campaigns;

/// <summary>A campaign as every channel shows it (CLI, API, chat, cards).</summary>
public sealed record CampaignView(
    long Id,
    string Community,
    string Name,
    string State,
    int Version,
    int? ApprovedVersion,
    string Segment,
    string? Profile,
    string Channel,
    string? GoalAction,
    int GoalDays,
    int Audience,
    IReadOnlyDictionary<string, int> Groups,
    double HoldoutShare,
    double BaselineRate,
    double MinimumDetectableEffect,
    IReadOnlyList<VariantView> Variants,
    DeliveryCounts Delivery,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? RejectionReason,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? SendStartedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? MeasuredUntil,
    long? PreviousWave);

/// <summary>A variant with its English message and the languages it has.</summary>
public sealed record VariantView(string Name, string Need, string Tone, IReadOnlyList<string> Playbooks, string Subject, string Body, IReadOnlyList<string> Languages, int GroupSize);

/// <summary>How many messages are in each outbox state.</summary>
public sealed record DeliveryCounts(int Pending, int Sending, int Sent, int Skipped, int Failed)
{
    public int Total => Pending + Sending + Sent + Skipped + Failed;
}

/// <summary>One audit line.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string Action, string? From, string To, int Version, string? Detail);

/// <summary>A variant rendered for one member, as they would receive it.</summary>
public sealed record MessagePreview(string Variant, string Member, string Language, string Subject, string Body);

internal static class CampaignViews
{
    public static string Channel(DeliveryChannel channel) => channel.ToString().ToLowerInvariant();

    public static string State(CampaignState state) => Campaign.Describe(state).Replace(' ', '_');
}
