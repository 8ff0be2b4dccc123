using Actionlytics.Core.Members;

namespace Actionlytics.Core.Ingestion;

/// <summary>A validated member, ready to store.</summary>
public readonly record struct MemberRow(
    string MemberId,
    string? DisplayName,
    string? Email,
    string? Locale,
    DateTimeOffset? JoinedAt,
    ContactChannels OptedOut,
    string? AttributesJson);
