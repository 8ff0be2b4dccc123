using Actionlytics.Core.Demo;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Demo;

/// <summary>On a store with no community, writes the demo community in the background so a new user sees real numbers at once.</summary>
public sealed class DemoSeedingService(
    IServiceScopeFactory scopes, IOptions<DemoOptions> options, DemoSeedingStatus status, TimeProvider time, ILogger<DemoSeedingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var communities = scope.ServiceProvider.GetRequiredService<CommunityDirectory>();
            var existing = await communities.ListAsync(stoppingToken);
            // An empty demo community is what a first start stopped half-way leaves behind: generate it again.
            var interruptedDemo = existing is [{ Events: 0 } only] && only.Slug == demo.Slug;
            if (!demo.SeedWhenEmpty || (existing.Count > 0 && !interruptedDemo))
            {
                status.Skip();
                await AnalyticsWarmUp.WarmAsync(scope.ServiceProvider, logger, stoppingToken);
                return;
            }

            status.Start();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoCommunitySpec.DefaultTimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
            var spec = new DemoCommunitySpec(demo.Members, demo.Months, demo.Seed, today);
            logger.LogInformation("The store is empty: generating the demo community '{Slug}' ({Members} members, {Months} months)", demo.Slug, demo.Members, demo.Months);
            var progress = new SynchronousProgress(p => status.Progress(p.Imported));
            var result = await scope.ServiceProvider.GetRequiredService<DemoCommunitySeeder>()
                .SeedAsync(spec, demo.Slug, DemoCommunitySpec.DefaultName, replace: interruptedDemo, progress, stoppingToken);
            status.Progress(result.Events);
            // Ready means ready to answer quickly: the first question must not pay for loading the index.
            await AnalyticsWarmUp.WarmAsync(scope.ServiceProvider, logger, stoppingToken);
            status.Finish();
            logger.LogInformation("Demo community '{Slug}' ready: {Members} members, {Events} events in {Seconds:F1}s", result.Community, result.Members, result.Events, result.ElapsedSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is CommunityDefinitionException or InvalidOperationException or System.Data.Common.DbException)
        {
            status.Fail(ex.Message);
            logger.LogError(ex, "The demo community could not be generated");
        }
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
