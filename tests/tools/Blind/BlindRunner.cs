using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Tools;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Tests.Tools.Blind;

/// <summary>Asks a blind set as a manager would: its raw files imported into a new community, each question a chat turn, follow-ups in their conversation.</summary>
internal static class BlindRunner
{
    public const string Asker = "blind-manager";

    public static async Task<IReadOnlyList<BlindAnswer>> AskAsync(IServiceProvider services, BlindSet set, string slug, CancellationToken cancellationToken)
    {
        if (set.DataFolder is null)
        {
            throw new InvalidOperationException($"The data of blind set {set.Name} is not on this machine.");
        }
        await ImportAsync(services, slug, set, cancellationToken);
        var threads = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new List<BlindAnswer>();
        foreach (var question in set.Questions())
        {
            await using var scope = services.CreateAsyncScope();
            var thread = question.Follows is null ? null : threads.GetValueOrDefault(question.Follows);
            var turn = await scope.ServiceProvider.GetRequiredService<AgentChat>().AskAsync(slug, Asker, thread, question.Question, cancellationToken);
            threads[question.Id] = turn.ThreadId;
            var ranAnalysis = turn.ToolCalls.Any(c => c.Name != ToolCatalog.Names.SearchPlaybooks);
            answers.Add(new BlindAnswer(question.Id, question.Language, question.Question, question.Follows,
                BlindGrader.Grade(question, turn.Answer, ranAnalysis), question.Expected,
                [.. turn.ToolCalls.Select(c => $"{c.Name} {c.Arguments.GetRawText()}")], turn.Answer));
        }
        return answers;
    }

    private static async Task ImportAsync(IServiceProvider services, string slug, BlindSet set, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().CreateAsync(slug, set.Name, "UTC", null, Asker, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CommunityRoles>().GrantAsync(community.Id, Asker, CommunityRole.Manager, cancellationToken);
        var options = new ImportOptions { CreateUnknownMembers = true };
        await using (var events = File.OpenRead(Path.Combine(set.DataFolder!, "events.csv")))
        {
            await scope.ServiceProvider.GetRequiredService<EventImporter>().ImportAsync(slug, events, ImportFormat.Csv, options, cancellationToken: cancellationToken);
        }
        var membersFile = Path.Combine(set.DataFolder!, "members.csv");
        if (File.Exists(membersFile))
        {
            await using var members = File.OpenRead(membersFile);
            await scope.ServiceProvider.GetRequiredService<MemberImporter>().ImportAsync(slug, members, ImportFormat.Csv, options, cancellationToken: cancellationToken);
        }
    }
}
