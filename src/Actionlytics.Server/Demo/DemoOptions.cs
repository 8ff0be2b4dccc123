using System.ComponentModel.DataAnnotations;
using Actionlytics.Core.Demo;

namespace Actionlytics.Server.Demo;

/// <summary>The demo community the server writes on its first start. Bound from the <c>Demo</c> section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Generate the demo community when the store has no community at all.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    [Range(1, 1_000_000)]
    public int Members { get; set; } = DemoCommunitySpec.DefaultMembers;

    [Range(1, 120)]
    public int Months { get; set; } = DemoCommunitySpec.DefaultMonths;

    public int Seed { get; set; } = DemoCommunitySpec.DefaultSeed;

    [RegularExpression("^[a-z0-9][a-z0-9-]{1,63}$")]
    public string Slug { get; set; } = DemoCommunitySpec.DefaultSlug;
}
