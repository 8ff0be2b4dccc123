using Actionlytics.Core.Refusals;
using Actionlytics.Knowledge.Playbooks;
using Microsoft.Extensions.Options;

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
        catch (OptionsValidationException ex)
        {
            // A wrong setting is the configuration's mistake, not a crash: name each one, as the server does at start.
            CliOutput.Error($"The configuration is not valid: {string.Join(" ", ex.Failures)}");
            return ExitCodes.UsageOrInput;
        }
    }
}
