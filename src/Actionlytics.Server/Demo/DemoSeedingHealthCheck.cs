using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actionlytics.Server.Demo;

/// <summary>Degraded while the demo community is being written, unhealthy if that failed.</summary>
public sealed class DemoSeedingHealthCheck(DemoSeedingStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Current switch
        {
            DemoSeedingStatus.Stage.Waiting => HealthCheckResult.Degraded("Starting."),
            DemoSeedingStatus.Stage.Seeding => HealthCheckResult.Degraded($"Generating the demo community: {status.EventsWritten:N0} events so far."),
            DemoSeedingStatus.Stage.Failed => HealthCheckResult.Unhealthy($"The demo community could not be generated: {status.Failure}"),
            _ => HealthCheckResult.Healthy(),
        });
}
