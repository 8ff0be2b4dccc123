using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Campaigns;

/// <summary>Registers drafting, the lifecycle, delivery and results. Needs the store and the knowledge base registered.</summary>
public static class CampaignsServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Core.Requires.Registered<Data.Store.ActionlyticsDbContext>(services.Select(d => d.ServiceType), "AddActionlyticsCampaigns", "AddActionlyticsStore");
        Core.Requires.Registered<Knowledge.PlaybookKnowledge>(services.Select(d => d.ServiceType), "AddActionlyticsCampaigns", "AddActionlyticsKnowledge");
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(MessageSenderFactory.WebhookClient);
        services.AddSingleton(_ => new MessagePersonalizer());
        services.AddSingleton<MessageSenderFactory>();
        services.AddScoped<CampaignDrafter>();
        services.AddScoped<CampaignService>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<CampaignOutcomeReader>();
        services.AddScoped<CampaignResults>();
        services.AddScoped<Unsubscribes>();
        return services;
    }
}
