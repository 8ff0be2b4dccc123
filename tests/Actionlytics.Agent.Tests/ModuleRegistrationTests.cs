using Actionlytics.Campaigns;
using Actionlytics.Data;
using Actionlytics.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actionlytics.Agent.Tests;

/// <summary>Each module registers only its own services, says which module it needs first, and refuses bad options at start.</summary>
public sealed class ModuleRegistrationTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void The_agent_module_names_the_modules_it_needs_when_they_are_missing()
    {
        var configuration = Configuration();
        var alone = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddActionlyticsAgent(configuration));
        Assert.Contains("AddActionlyticsKnowledge", alone.Message, StringComparison.Ordinal);

        var services = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).AddActionlyticsKnowledge(configuration);
        var withoutCampaigns = Assert.Throws<InvalidOperationException>(() => services.AddActionlyticsAgent(configuration));
        Assert.Contains("AddActionlyticsCampaigns", withoutCampaigns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campaign_module_needs_the_store_first()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddActionlyticsCampaigns(Configuration()));
        Assert.Contains("AddActionlyticsStore", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Agent:Provider", "OpenAI", "Agent:Model is required")]
    [InlineData("Agent:Provider", "Claude", "Provider")]
    [InlineData("Agent:MaxHistoryMessages", "0", "MaxHistoryMessages")]
    public void A_bad_agent_option_is_refused_with_its_name(string key, string value, string expected)
    {
        var configuration = Configuration((key, value));
        using var provider = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).AddActionlyticsKnowledge(configuration)
            .AddActionlyticsCampaigns(configuration).AddActionlyticsAgent(configuration).BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<AgentOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Knowledge:VectorStore", "Qdrant", "Knowledge:QdrantUrl")]
    [InlineData("Knowledge:VectorStore", "Pinecone", "VectorStore")]
    [InlineData("Knowledge:Embeddings:Provider", "OpenAICompatible", "Knowledge:Embeddings:Endpoint")]
    [InlineData("Knowledge:Embeddings:Model", "bert-large", "not a local model")]
    public void A_bad_knowledge_option_is_refused_with_its_name(string key, string value, string expected)
    {
        var settings = key == "Knowledge:Embeddings:Model" ? new[] { (key, value), ("Knowledge:Embeddings:Provider", "Local") } : [(key, value)];
        var configuration = Configuration(settings);
        using var provider = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).AddActionlyticsKnowledge(configuration).BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
