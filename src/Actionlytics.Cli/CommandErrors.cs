using Actionlytics.Core.Refusals;
using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Cli;

/// <summary>The CLI's side of the one refusal model: a refusal is printed as its message and exits with its kind's code.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (PlaybookFormatException ex)
        {
            CliOutput.Error($"{ex.Message}. Nothing was indexed.");
            return ExitCodes.Of(ex.Kind);
        }
        catch (RefusalException ex)
        {
            CliOutput.Error(ex.Message);
            return ExitCodes.Of(ex.Kind);
        }
    }
}
