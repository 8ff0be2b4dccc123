using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data;

/// <summary>Registers the store, ingestion and the demo community.</summary>
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Both contexts are registered; the configured provider decides which one (and so which migrations) is used.
        services.AddDbContext<SqliteActionlyticsDbContext>((sp, db) => db.UseSqlite(ConnectionString(sp)));
        services.AddDbContext<PostgresActionlyticsDbContext>((sp, db) => db.UseNpgsql(ConnectionString(sp)));
        services.AddScoped<ActionlyticsDbContext>(sp => Options(sp).Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresActionlyticsDbContext>()
            : sp.GetRequiredService<SqliteActionlyticsDbContext>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreDatabase>();
        services.AddSingleton<ActivityIndexCache>();
        services.AddSingleton<ActionNamesCache>();
        services.AddOptions<AnalyticsOptions>().Bind(configuration.GetSection(AnalyticsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var analytics = sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
            return new InactivityScorer(analytics.SegmentRules(), analytics.ProfileRules());
        });
        services.AddScoped<CommunityAnalytics>();
        services.AddScoped<CommunityReports>();
        services.AddScoped<CommunityActions>();
        services.AddScoped<StoreInitializer>();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<CommunityRoles>();
        services.AddScoped<EventImporter>();
        services.AddScoped<MemberImporter>();
        services.AddScoped<DemoCommunitySeeder>();
        services.AddScoped<Conversations.ConversationStore>();
        services.AddScoped<Conversations.ArtifactStore>();
        services.AddScoped<Conversations.SavedSegmentStore>();
        return services;
    }

    private static StoreOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StoreOptions>>().Value;

    private static string ConnectionString(IServiceProvider services) => Options(services).ResolveConnectionString();
}
