namespace Actionlytics.Core.Demo;

/// <summary>What demo community to generate. The same spec always generates the same community.</summary>
/// <param name="Members">Number of members.</param>
/// <param name="Months">How many months of history, ending on <paramref name="EndDay"/>.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="EndDay">Last day of history (community-local); today when generating for a live demo.</param>
/// <param name="TimeZone">The community's IANA time zone.</param>
public sealed record DemoCommunitySpec(int Members, int Months, int Seed, DateOnly EndDay, string TimeZone = DemoCommunitySpec.DefaultTimeZone)
{
    public const string DefaultSlug = "demo";
    public const string DefaultName = "Northwind Academy (demo community)";
    public const string DefaultTimeZone = "Europe/Paris";
    public const int DefaultMembers = 5000;
    public const int DefaultMonths = 18;
    public const int DefaultSeed = 42;

    public DateOnly StartDay => EndDay.AddMonths(-Months).AddDays(1);
}
