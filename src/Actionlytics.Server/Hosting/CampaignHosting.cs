using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Delivery;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Hosting;

/// <summary>Campaigns in the server: the module, and its dispatcher, which delivers due outbox messages every few seconds, and moves campaigns through sending, measuring and concluded.</summary>
public static class CampaignHosting
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActionlyticsCampaigns(builder.Configuration);
        builder.Services.AddHostedService<CampaignDispatch>();
        return builder;
    }

    private sealed class CampaignDispatch(IServiceScopeFactory scopes, IOptions<CampaignOptions> options, TimeProvider time, ILogger<CampaignDispatch> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds), time);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(null, null, stoppingToken);
                    if (report.Handled > 0)
                    {
                        logger.LogInformation("Campaign messages: {Sent} sent, {Retrying} to retry, {Failed} failed, {Skipped} skipped, {Deferred} deferred.",
                            report.Sent, report.Retrying, report.Failed, report.Skipped, report.Deferred);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed pass (database busy, SMTP down) is retried at the next tick; the outbox keeps every message.
                    logger.LogWarning(e, "A campaign dispatch pass failed; the next one retries.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
