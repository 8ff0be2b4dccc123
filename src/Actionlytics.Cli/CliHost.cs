using Actionlytics.Campaigns;
using Actionlytics.Knowledge;
using Actionlytics.Agent;
using Actionlytics.Data;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Cli;

/// <summary>
/// The services a command runs with: the same configuration sources as the server (appsettings.json beside the
/// program, environment variables such as <c>Store__Provider</c>), <c>--db</c> on top, warnings logged to standard error.
/// </summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string? databasePath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        if (databasePath is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{StoreOptions.SectionName}:{nameof(StoreOptions.Provider)}"] = nameof(StoreProvider.Sqlite),
                [$"{StoreOptions.SectionName}:{nameof(StoreOptions.SqlitePath)}"] = databasePath,
            });
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddActionlyticsStore(builder.Configuration);
        builder.Services.AddActionlyticsKnowledge(builder.Configuration);
        builder.Services.AddActionlyticsCampaigns(builder.Configuration);
        builder.Services.AddActionlyticsAgent(builder.Configuration);

        var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        return host;
    }
}
