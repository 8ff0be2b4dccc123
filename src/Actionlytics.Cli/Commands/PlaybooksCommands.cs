using System.CommandLine;
using System.Globalization;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics playbooks index</c> and <c>actionlytics playbooks search "QUERY"</c>.</summary>
internal static class PlaybooksCommands
{
    public static Command Build()
    {
        var playbooks = new Command("playbooks", "The motivation-science playbooks the agent grounds its advice in.");
        playbooks.Subcommands.Add(BuildIndex());
        playbooks.Subcommands.Add(BuildSearch());
        return playbooks;
    }

    private static Command BuildIndex()
    {
        var refit = new Option<bool>("--refit") { Description = "Fit the local lexical embedding again on the current playbooks (every chunk is embedded again)." };
        var command = new Command("index", "Parse the playbooks, embed what changed, and update the vector store.") { refit };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            using var knowledge = KnowledgeFactory.Create(Options(), parse.GetValue(refit));
            var report = await knowledge.IndexAsync(cancellationToken);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(report);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Playbooks} playbooks, {report.Chunks} sections: {report.Embedded} embedded, {report.Unchanged} unchanged, {report.Removed} removed ({report.EmbeddingModel})."));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command BuildSearch()
    {
        var query = new Argument<string>("query") { Description = "What you are looking for, in your words (English, French, Italian)." };
        var need = new Option<string?>("--need") { Description = "Only playbooks serving this need: autonomy, competence or relatedness." };
        var channel = new Option<string?>("--channel") { Description = "Only playbooks for this channel: email, teams or in_platform." };
        var profile = new Option<string?>("--profile") { Description = "Only playbooks fitting this profile (contributor, learner, collector, lurker, generalist)." };
        var segment = new Option<string?>("--segment") { Description = "Only playbooks fitting this segment (one_timers, recently_lapsed_regulars, recently_lapsed, fading, long_gone)." };
        var top = new Option<int>("--top") { Description = "How many playbooks.", DefaultValueFactory = _ => 5 };
        var mode = new Option<RankingMode>("--mode") { Description = "hybrid (default), keyword or vector.", DefaultValueFactory = _ => RankingMode.Hybrid };
        var command = new Command("search", "Find the playbooks that answer a question, with citations.") { query, need, channel, profile, segment, top, mode };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            using var knowledge = KnowledgeFactory.Create(Options());
            var filter = new SearchFilter(parse.GetValue(need), parse.GetValue(channel), parse.GetValue(profile), parse.GetValue(segment));
            var hits = await knowledge.SearchAsync(parse.GetValue(query)!, filter, parse.GetValue(top), parse.GetValue(mode), cancellationToken);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(hits);
                return ExitCodes.Success;
            }
            if (hits.Count == 0)
            {
                Console.Out.WriteLine("No playbook matches.");
            }
            foreach (var (hit, rank) in hits.Select((h, i) => (h, i + 1)))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rank}. {hit.Title}  [{hit.PlaybookId}]  needs: {string.Join(", ", hit.Needs)}"));
                Console.Out.WriteLine($"   {hit.Section}: {hit.Excerpt}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static KnowledgeOptions Options()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        // The same check the hosts run at start (ValidateDataAnnotations): this command reads its settings without a host.
        var result = new DataAnnotationValidateOptions<KnowledgeOptions>(Microsoft.Extensions.Options.Options.DefaultName).Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(KnowledgeOptions.SectionName, typeof(KnowledgeOptions), result.Failures) : options;
    }
}
