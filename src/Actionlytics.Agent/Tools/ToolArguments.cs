using System.Text.Json.Serialization;

namespace Actionlytics.Agent.Tools;

// The arguments of each tool. Their descriptions live in prompts/agent/tools.md; names are snake_case on the wire.

public sealed record TrendArguments
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Granularity { get; init; }

    public string? Action { get; init; }
}

public sealed record CompareArguments
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public DateOnly? PreviousFrom { get; init; }

    public DateOnly? PreviousTo { get; init; }

    public string? Action { get; init; }
}

public sealed record ActionCountsArguments
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Action { get; init; }

    public DateOnly? PreviousFrom { get; init; }

    public DateOnly? PreviousTo { get; init; }

    /// <summary>The action counted in the previous window when it is not <see cref="Action"/>.</summary>
    public string? PreviousAction { get; init; }

    public int? Top { get; init; }

    public string? RankBy { get; init; }

    public int? MinActiveDays { get; init; }
}

public sealed record RetentionArguments
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int? MonthsLater { get; init; }
}

public sealed record ScoreWeightsArgument
{
    public double Recency { get; init; } = 1;

    public double Constancy { get; init; } = 1;

    public double Frequency { get; init; } = 1;
}

public sealed record ScoresArguments
{
    public int? InactiveAfterDays { get; init; }

    public int? WindowDays { get; init; }

    public DateOnly? AsOf { get; init; }

    public int? Top { get; init; }

    public string? Segment { get; init; }

    public string? Profile { get; init; }

    public ScoreWeightsArgument? Weights { get; init; }
}

public sealed record ExplainArguments
{
    [JsonRequired]
    public string MemberId { get; init; } = "";

    public int? InactiveAfterDays { get; init; }

    public DateOnly? AsOf { get; init; }
}

public sealed record SegmentsArguments
{
    public int? InactiveAfterDays { get; init; }

    public DateOnly? AsOf { get; init; }
}

public sealed record CreateSegmentArguments
{
    [JsonRequired]
    public string Name { get; init; } = "";

    public string? Segment { get; init; }

    public string? Profile { get; init; }

    public int? InactiveAfterDays { get; init; }

    public double? MinScore { get; init; }
}

/// <summary>What a chart or a table is narrowed by, beyond its window: the same parameters the analyses took, so a chart of "logins last month" counts logins.</summary>
public interface IAnalysisFilters
{
    string? Action { get; }

    string? Segment { get; }

    string? Profile { get; }

    DateOnly? AsOf { get; }

    int? WindowDays { get; }

    int? InactiveAfterDays { get; }

    ScoreWeightsArgument? Weights { get; }
}

public sealed record ChartArguments : IAnalysisFilters
{
    [JsonRequired]
    public string Kind { get; init; } = "";

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Granularity { get; init; }

    public string? Action { get; init; }

    public string? Segment { get; init; }

    public string? Profile { get; init; }

    public DateOnly? AsOf { get; init; }

    public int? WindowDays { get; init; }

    public int? InactiveAfterDays { get; init; }

    public ScoreWeightsArgument? Weights { get; init; }
}

public sealed record TableArguments : IAnalysisFilters
{
    [JsonRequired]
    public string Table { get; init; } = "";

    public string? Format { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public DateOnly? PreviousFrom { get; init; }

    public DateOnly? PreviousTo { get; init; }

    public string? Granularity { get; init; }

    public string? Action { get; init; }

    public string? Segment { get; init; }

    public string? Profile { get; init; }

    public DateOnly? AsOf { get; init; }

    public int? WindowDays { get; init; }

    public int? InactiveAfterDays { get; init; }

    public ScoreWeightsArgument? Weights { get; init; }
}

public sealed record PlaybookArguments
{
    [JsonRequired]
    public string Query { get; init; } = "";

    public string? Need { get; init; }

    public string? Channel { get; init; }

    public int? Top { get; init; }
}

public sealed record CampaignArguments
{
    public string? Segment { get; init; }

    public string? Profile { get; init; }

    public int? Variants { get; init; }

    public string? Need { get; init; }

    public string? Channel { get; init; }

    public int? GoalDays { get; init; }

    public string? GoalAction { get; init; }

    public long? NextWaveOf { get; init; }
}

public sealed record CampaignLookupArguments
{
    public long? CampaignId { get; init; }
}
