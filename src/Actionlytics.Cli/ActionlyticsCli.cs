using System.CommandLine;
using Actionlytics.Cli.Commands;

namespace Actionlytics.Cli;

/// <summary>The <c>actionlytics</c> command tree.</summary>
internal static class ActionlyticsCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Actionlytics Agent: turn a community's activity data into reactivation actions.");
        root.Options.Add(CommonOptions.Database);
        root.Options.Add(CommonOptions.Json);
        root.Options.Add(CommonOptions.Actor);
        root.Subcommands.Add(ImportCommands.Build());
        root.Subcommands.Add(CommunityCommands.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(ScoreCommand.Build());
        root.Subcommands.Add(ChartCommand.Build());
        root.Subcommands.Add(TableCommand.Build());
        root.Subcommands.Add(PlaybooksCommands.Build());
        root.Subcommands.Add(AskCommand.Build());
        root.Subcommands.Add(CampaignCommands.Build());
        root.Subcommands.Add(TeamsCommands.Build());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();
}
