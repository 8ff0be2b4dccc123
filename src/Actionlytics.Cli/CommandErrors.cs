using Actionlytics.Core.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Knowledge.Playbooks;
using Actionlytics.Knowledge.Search;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Cli;

/// <summary>Runs a command's work with the errors analyses and the knowledge base can meet turned into messages and exit codes.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (AnalyticsArgumentException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (CommunityNotFoundException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.NotFound;
        }
        catch (PlaybookFormatException ex)
        {
            CliOutput.Error($"{ex.Message}. Nothing was indexed.");
            return ExitCodes.UsageOrInput;
        }
        catch (Agent.Chat.ChatNotFoundException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.NotFound;
        }
        catch (RoleRequiredException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.Forbidden;
        }
        catch (Campaigns.CampaignNotFoundException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.NotFound;
        }
        catch (Exception ex) when (ex is Campaigns.CampaignArgumentException or Core.Campaigns.CampaignStateException)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (Exception ex) when (ex is KnowledgeArgumentException or VectorStoreException or Agent.Chat.ChatRequestException)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.UsageOrInput;
        }
    }
}
