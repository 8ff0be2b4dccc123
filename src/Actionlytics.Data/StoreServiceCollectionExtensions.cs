using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actionlytics.Data;

/// <summary>Registers the store, ingestion and the demo community.</summary>
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StoreOptions.SectionName);
        services.AddOptions<StoreOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        // The provider decides which context (and so which migrations) the application uses.
        var store = section.Get<StoreOptions>() ?? new StoreOptions();
        if (store.Provider == StoreProvider.Postgres)
        {
            services.AddDbContext<PostgresActionlyticsDbContext>(db => db.UseNpgsql(store.ResolveConnectionString()));
            services.AddScoped<ActionlyticsDbContext>(sp => sp.GetRequiredService<PostgresActionlyticsDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteActionlyticsDbContext>(db => db.UseSqlite(store.ResolveConnectionString()));
            services.AddScoped<ActionlyticsDbContext>(sp => sp.GetRequiredService<SqliteActionlyticsDbContext>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreDatabase>();
        services.AddScoped<StoreInitializer>();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<EventImporter>();
        services.AddScoped<MemberImporter>();
        services.AddScoped<DemoCommunitySeeder>();
        return services;
    }
}
