using Actionlytics.Core.Analytics;
using Actionlytics.Data.Communities;

namespace Actionlytics.Cli;

/// <summary>Runs an analysis command's work with the errors every analysis can meet turned into exit codes.</summary>
internal static class AnalysisCommand
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
    }
}
