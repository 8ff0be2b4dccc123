using System.CommandLine;
using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;

namespace Actionlytics.Cli;

/// <summary>The options every analysis command shares, and the <see cref="AnalysisRequest"/> they make.</summary>
internal sealed class AnalysisOptions
{
    public Option<string> Community { get; } = CommonOptions.Community("Slug of the community.");

    public Option<string?> From { get; } = new("--from") { Description = "First day of the window (YYYY-MM-DD); default depends on the analysis (3 months for trends)." };

    public Option<string?> To { get; } = new("--to") { Description = "Last day of the window (YYYY-MM-DD); default today in the community's time zone." };

    public Option<string?> Granularity { get; } = new("--granularity") { Description = "day, week (default) or month." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Day to score as of (YYYY-MM-DD); events after it are ignored. Default: today." };

    public Option<int?> Window { get; } = new("--window") { Description = $"Days of history the score looks at (default {ScoreParameters.DefaultWindowDays})." };

    public Option<int?> InactiveAfter { get; } = new("--inactive-after") { Description = "Days without activity after which a member is inactive (default: the community's threshold)." };

    public Option<string?> Weights { get; } = new("--weights") { Description = "recency,constancy,frequency weights, e.g. 0.5,0.25,0.25 (default: configured)." };

    public void AddTo(Command command, bool window = true, bool score = true)
    {
        command.Options.Add(Community);
        if (window)
        {
            command.Options.Add(From);
            command.Options.Add(To);
            command.Options.Add(Granularity);
        }
        if (score)
        {
            command.Options.Add(AsOf);
            command.Options.Add(Window);
            command.Options.Add(InactiveAfter);
            command.Options.Add(Weights);
        }
    }

    /// <summary>The request; throws <see cref="AnalyticsArgumentException"/> for values that do not parse.</summary>
    public AnalysisRequest Request(ParseResult parse) => new(parse.GetValue(Community)!)
    {
        From = AnalyticsArguments.ParseDay(parse.GetValue(From), "--from"),
        To = AnalyticsArguments.ParseDay(parse.GetValue(To), "--to"),
        Granularity = Periods.Parse(parse.GetValue(Granularity)),
        AsOf = AnalyticsArguments.ParseDay(parse.GetValue(AsOf), "--as-of"),
        WindowDays = parse.GetValue(Window),
        InactiveAfterDays = parse.GetValue(InactiveAfter),
        Weights = AnalyticsArguments.ParseWeights(parse.GetValue(Weights)),
    };
}
