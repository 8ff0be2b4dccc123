namespace Actionlytics.Core.Ingestion;

/// <summary>A validated event, ready to store.</summary>
public readonly record struct EventRow(
    string EventId,
    string MemberId,
    DateTimeOffset OccurredAt,
    string Action,
    string? ContentId,
    string? Channel,
    string? MetadataJson);
