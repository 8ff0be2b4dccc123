using System.CommandLine;
using System.Text.Json;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics ask "QUESTION" --community SLUG [--thread ID] [--json]</c>: one chat turn with the agent, as in the web chat.</summary>
internal static class AskCommand
{
    public static Command Build()
    {
        var question = new Argument<string>("question") { Description = "What to ask, in English, French or Italian." };
        var community = new Option<string>("--community") { Description = "The community's slug.", Required = true };
        var thread = new Option<string?>("--thread") { Description = "Continue this conversation (its id is printed after each answer)." };
        var user = new Option<string>("--user") { Description = "Who is asking (threads belong to their user; role checks use it). Default: local, the person at this machine.", DefaultValueFactory = _ => Data.Communities.CommunityRoles.LocalUser };
        var command = new Command("ask", "Ask the agent a question about a community; it calls its tools and answers from their results.")
        {
            question, community, thread, user,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(
                parse.GetValue(community)!, parse.GetValue(user)!, parse.GetValue(thread), parse.GetValue(question)!, cancellationToken);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(TurnView.Of(result), ToolJson.Options));
            }
            else
            {
                Console.WriteLine(result.Answer);
                foreach (var artifact in result.Artifacts)
                {
                    Console.WriteLine($"  [{artifact.MediaType}] {artifact.Title}: {artifact.Url}");
                }
                Console.Error.WriteLine($"thread {result.ThreadId}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
