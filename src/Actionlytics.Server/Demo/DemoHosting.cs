namespace Actionlytics.Server.Demo;

/// <summary>Registers the first-start demo community.</summary>
public static class DemoHosting
{
    public static IHostApplicationBuilder AddDemoCommunity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DemoSeedingStatus>();
        builder.Services.AddHostedService<DemoSeedingService>();
        return builder;
    }
}
