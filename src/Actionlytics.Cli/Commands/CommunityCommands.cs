using System.CommandLine;
using System.Globalization;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics community create|list</c>.</summary>
internal static class CommunityCommands
{
    public static Command Build()
    {
        var community = new Command("community", "Create and list communities.");
        community.Subcommands.Add(BuildCreate());
        community.Subcommands.Add(BuildList());
        community.Subcommands.Add(BuildGrant());
        return community;
    }

    private static Command BuildCreate()
    {
        var slug = new Argument<string>("slug") { Description = "Short id used by the CLI, the API and the chat (lowercase letters, digits, dashes)." };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone whose days events belong to.", DefaultValueFactory = _ => "UTC" };
        var threshold = new Option<int?>("--inactive-after") { Description = "Days without activity after which a member counts as inactive (default 30)." };
        var command = new Command("create", "Create a community.") { slug, name, timeZone, threshold };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
                await using var scope = host.Services.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>()
                    .CreateAsync(parse.GetValue(slug)!, parse.GetValue(name), parse.GetValue(timeZone), parse.GetValue(threshold), parse.GetValue(CommonOptions.Actor)!, cancellationToken);
                if (parse.GetValue(CommonOptions.Json))
                {
                    CliOutput.Json(created);
                }
                else
                {
                    Console.Out.WriteLine($"Created community '{created.Slug}' ({created.Name}, {created.TimeZone}, inactive after {created.InactivityThresholdDays} days).");
                }
                return ExitCodes.Success;
            }
            catch (CommunityDefinitionException ex)
            {
                CliOutput.Error(ex.Message);
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    private static Command BuildGrant()
    {
        var slug = new Argument<string>("slug") { Description = "The community." };
        var user = new Option<string>("--user") { Description = "Who gets the role: local, key:NAME (an API key's holder), or a sign-in id.", Required = true };
        var role = new Option<CommunityRole>("--role") { Description = "viewer, manager or admin.", Required = true };
        var command = new Command("grant", "Give a person a role in a community (only an admin of the community may).") { slug, user, role };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().GetAsync(parse.GetValue(slug)!, cancellationToken);
            var roles = scope.ServiceProvider.GetRequiredService<CommunityRoles>();
            await roles.RequireAsync(community.Id, community.Slug, parse.GetValue(CommonOptions.Actor)!, CommunityRole.Admin, "grant roles", cancellationToken);
            await roles.GrantAsync(community.Id, parse.GetValue(user)!, parse.GetValue(role), cancellationToken);
            Console.Out.WriteLine($"{parse.GetValue(user)} is now {parse.GetValue(role).ToString().ToLowerInvariant()} of '{community.Slug}'.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command BuildList()
    {
        var command = new Command("list", "List communities with their number of members and events.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var communities = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().ListAsync(cancellationToken);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(communities);
                return ExitCodes.Success;
            }
            foreach (var c in communities)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Slug,-20} {c.Members,10:N0} members {c.Events,12:N0} events  {c.FirstActiveDay:yyyy-MM-dd} .. {c.LastActiveDay:yyyy-MM-dd}  {c.TimeZone}  {c.Name}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
