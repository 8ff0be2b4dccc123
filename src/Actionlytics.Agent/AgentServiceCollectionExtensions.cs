using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Actionlytics.Campaigns;
using Actionlytics.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actionlytics.Agent;

/// <summary>Registers the agent: prompts, tools, the configured model behind the chat pipeline, and the turn runner. Needs the store, knowledge and campaign modules.</summary>
public static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The agent's tools read the store, search the knowledge base and draft campaigns: those modules come first.
        Core.Requires.Registered<Knowledge.PlaybookKnowledge>(services.Select(d => d.ServiceType), "AddActionlyticsAgent", "AddActionlyticsKnowledge");
        Core.Requires.Registered<CampaignService>(services.Select(d => d.ServiceType), "AddActionlyticsAgent", "AddActionlyticsCampaigns");
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AgentPrompts.Load(sp.GetRequiredService<IOptions<AgentOptions>>().Value.PromptFolder ?? AgentPrompts.DefaultFolder()));
        services.AddSingleton<AgentToolbox>();
        services.AddSingleton(sp => ChatModelFactory.CreatePipeline(
            ChatModelFactory.CreateModel(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<AgentPrompts>()),
            sp.GetService<ILoggerFactory>()));
        services.AddScoped<AgentChat>();
        return services;
    }
}
