using Actionlytics.Data;
using Actionlytics.Data.Store;

namespace Actionlytics.Server.Hosting;

/// <summary>The store, brought to the current schema before the server accepts requests.</summary>
public static class StoreHosting
{
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActionlyticsStore(builder.Configuration);
        builder.Services.AddHostedService<StoreStartup>();
        return builder;
    }

    /// <summary>Applies migrations at start; hosted services start before Kestrel listens.</summary>
    private sealed class StoreStartup(IServiceScopeFactory scopes) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
