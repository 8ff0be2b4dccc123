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

/// <summary>Registers the agent: prompts, knowledge, tools, the configured model behind the chat pipeline, and the turn runner.</summary>
public static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName));
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName));
        services.AddSingleton(sp => AgentPrompts.Load(sp.GetRequiredService<IOptions<AgentOptions>>().Value.PromptFolder ?? AgentPrompts.DefaultFolder()));
        services.AddSingleton(sp => KnowledgeFactory.Create(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        services.AddSingleton<AgentToolbox>();
        services.AddSingleton(sp => ChatModelFactory.CreatePipeline(
            ChatModelFactory.CreateModel(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<AgentPrompts>()),
            sp.GetService<ILoggerFactory>()));
        services.AddScoped<AgentChat>();
        services.AddActionlyticsCampaigns(configuration);
        return services;
    }
}
