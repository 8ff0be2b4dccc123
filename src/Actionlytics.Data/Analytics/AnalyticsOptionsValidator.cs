using Actionlytics.Core.Analytics;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// Checks the <c>Analytics</c> section at start with the rules the analytics themselves apply, so a wrong weight,
/// segment or profile stops the program with its reason instead of failing the first question that scores.
/// </summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultWindowDays is < 1 or > ScoreParameters.MaxDays)
        {
            failures.Add($"Analytics:DefaultWindowDays must be between 1 and {ScoreParameters.MaxDays}; got {options.DefaultWindowDays}.");
        }
        Check(failures, "Analytics:Weights", () => options.Weights.ToWeights().Validate());
        foreach (var (community, weights) in options.CommunityWeights)
        {
            Check(failures, $"Analytics:CommunityWeights:{community}", () => weights.ToWeights().Validate());
        }
        Check(failures, "Analytics:Segments", () => options.SegmentRules());
        Check(failures, "Analytics:Profiles", () => options.ProfileRules());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, Action validate)
    {
        try
        {
            validate();
        }
        catch (AnalyticsArgumentException e)
        {
            failures.Add($"{setting}: {e.Message}");
        }
    }
}
