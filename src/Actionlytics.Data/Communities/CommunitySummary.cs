namespace Actionlytics.Data.Communities;

/// <summary>A community with the size of its data.</summary>
public sealed record CommunitySummary(
    string Slug,
    string Name,
    string TimeZone,
    int InactivityThresholdDays,
    long Members,
    long Events,
    DateOnly? FirstActiveDay,
    DateOnly? LastActiveDay);
