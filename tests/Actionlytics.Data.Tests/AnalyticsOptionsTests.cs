using Actionlytics.Core.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data.Tests;

public class AnalyticsOptionsTests
{
    [Fact]
    public async Task Starts_with_the_documented_defaults()
    {
        using var host = HostWith([]);

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
        Assert.Equal(ScoreParameters.DefaultWindowDays, options.DefaultWindowDays);
        await host.StopAsync();
    }

    [Fact]
    public async Task Refuses_to_start_with_analytics_settings_the_scoring_would_reject_naming_each_setting()
    {
        using var host = HostWith(new()
        {
            ["Analytics:DefaultWindowDays"] = "0",
            ["Analytics:Weights:Recency"] = "-1",
            ["Analytics:CommunityWeights:demo:Recency"] = "0",
            ["Analytics:CommunityWeights:demo:Constancy"] = "0",
            ["Analytics:CommunityWeights:demo:Frequency"] = "0",
            ["Analytics:Segments:0:Name"] = "Not A Slug",
            ["Analytics:Profiles:0:Name"] = "readers",
            ["Analytics:Profiles:0:Actions:0"] = "no_such_action",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.StartsWith("Analytics:DefaultWindowDays", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Analytics:Weights:", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Analytics:CommunityWeights:demo:", StringComparison.Ordinal) && f.Contains("above zero", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Analytics:Segments:", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Analytics:Profiles:", StringComparison.Ordinal));
    }

    private static IHost HostWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddActionlyticsStore(builder.Configuration);
        return builder.Build();
    }
}
