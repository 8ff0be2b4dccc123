using Actionlytics.Agent;
using Actionlytics.Campaigns;
using Actionlytics.Knowledge;

namespace Actionlytics.Server.Hosting;

/// <summary>The knowledge base and the agent in the server: their modules, and the playbooks indexed in the background at start so the first advice is quick.</summary>
public static class AgentHosting
{
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActionlyticsKnowledge(builder.Configuration);
        builder.Services.AddHostedService<KnowledgeIndexing>();
        return builder;
    }

    public static IHostApplicationBuilder AddAgent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActionlyticsAgent(builder.Configuration);
        builder.Services.AddScoped<Api.ChatThreads>();
        return builder;
    }

    private sealed class KnowledgeIndexing(PlaybookKnowledge knowledge, ILogger<KnowledgeIndexing> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                var report = await knowledge.IndexAsync(stoppingToken);
                logger.LogInformation("Playbooks indexed: {Playbooks} playbooks, {Chunks} sections, {Embedded} embedded again.", report.Playbooks, report.Chunks, report.Embedded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Searches index on first use anyway; a failure here must not stop the server.
                logger.LogWarning(e, "Indexing the playbooks at start failed; the first search will try again.");
            }
        }
    }
}
