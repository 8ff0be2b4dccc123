using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Store;

/// <summary>The store on SQLite: instants and days as integers (see <see cref="StoreConverters"/>).</summary>
public sealed class SqliteActionlyticsDbContext(DbContextOptions<SqliteActionlyticsDbContext> options) : ActionlyticsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<StoreConverters.InstantToUnixMilliseconds>();
        configurationBuilder.Properties<DateOnly>().HaveConversion<StoreConverters.DayToEpochDay>();
    }
}
