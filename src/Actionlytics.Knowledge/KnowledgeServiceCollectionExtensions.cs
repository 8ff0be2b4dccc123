using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actionlytics.Knowledge;

/// <summary>Registers the knowledge base: the playbooks, their vector store and the embedding model, from the <c>Knowledge</c> section.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    public static IServiceCollection AddActionlyticsKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => KnowledgeFactory.Create(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        return services;
    }
}
