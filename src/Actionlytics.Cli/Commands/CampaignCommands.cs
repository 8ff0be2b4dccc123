using System.CommandLine;
using System.Globalization;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary>
/// <c>actionlytics campaign draft|list|show|edit|preview|approve|reject|send|dispatch|results</c>: the campaign lifecycle
/// for scripting and operations, through the same services and role checks as the chat and the API (<c>--as</c> names who acts).
/// </summary>
internal static class CampaignCommands
{
    public static Command Build()
    {
        var campaign = new Command("campaign", "Draft, approve, send and measure reactivation campaigns.");
        campaign.Subcommands.Add(BuildDraft());
        campaign.Subcommands.Add(BuildList());
        campaign.Subcommands.Add(BuildShow());
        campaign.Subcommands.Add(BuildEdit());
        campaign.Subcommands.Add(BuildPreview());
        campaign.Subcommands.Add(BuildDecision(approve: true));
        campaign.Subcommands.Add(BuildDecision(approve: false));
        campaign.Subcommands.Add(BuildSend());
        campaign.Subcommands.Add(BuildDispatch());
        campaign.Subcommands.Add(BuildResults());
        return campaign;
    }

    private static readonly Argument<long> Id = new("id") { Description = "The campaign's number." };

    private static Command BuildDraft()
    {
        var community = CommonOptions.Community("The community whose inactive members to reach.");
        var segment = new Option<string?>("--segment") { Description = "A scoring segment or a saved segment's name (default: every inactive member)." };
        var profile = new Option<string?>("--profile") { Description = "Only members of this behavioural profile." };
        var variants = new Option<int?>("--variants") { Description = "2 to 8 message variants (default 3)." };
        var need = new Option<string?>("--need") { Description = "autonomy, competence or relatedness for every variant (default: one need per variant)." };
        var channel = new Option<string?>("--channel") { Description = "email (default), teams or webhook." };
        var goalDays = new Option<int?>("--goal-days") { Description = "A return within this many days of the message counts (default 14)." };
        var goalAction = new Option<string?>("--goal-action") { Description = "The action that counts as a return (default: any)." };
        var holdout = new Option<double?>("--holdout") { Description = "Share of the audience kept as a control that receives nothing (default 0.1)." };
        var name = new Option<string?>("--name") { Description = "A name for the campaign." };
        var nextWaveOf = new Option<long?>("--next-wave-of") { Description = "Draft the next wave of this sent campaign: its variants and settings, members it has not reached, each profile allocated by Thompson sampling on its results." };
        var command = new Command("draft", "Draft a campaign from the playbooks and save it awaiting a manager's approval.")
        {
            community, segment, profile, variants, need, channel, goalDays, goalAction, holdout, name, nextWaveOf,
        };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var (view, proposal) = await services.GetRequiredService<CampaignService>().DraftAsync(parse.GetValue(community)!,
                new CampaignRequest(parse.GetValue(segment), parse.GetValue(profile), parse.GetValue(variants), parse.GetValue(need), parse.GetValue(channel),
                    parse.GetValue(goalDays), parse.GetValue(goalAction), parse.GetValue(holdout), parse.GetValue(name), parse.GetValue(nextWaveOf)),
                parse.GetValue(CommonOptions.Actor)!, ct);
            Print(parse, view);
            if (!parse.GetValue(CommonOptions.Json) && proposal.Allocation is { Count: > 0 } allocation)
            {
                Console.Out.WriteLine($"  allocated from campaign {proposal.PreviousWave}'s results (Thompson sampling, share [returned/recipients]):");
                foreach (var profile in allocation.GroupBy(a => a.Profile))
                {
                    Console.Out.WriteLine("    " + profile.Key + ": " + string.Join(", ", profile.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Variant} ({a.Need}) {a.Share:P0} [{a.Returned}/{a.Recipients}]"))));
                }
            }
        }, ct));
        return command;
    }

    private static Command BuildList()
    {
        var community = CommonOptions.Community("The community.");
        var command = new Command("list", "List a community's campaigns, newest first.") { community };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var campaigns = await services.GetRequiredService<CampaignService>().ListAsync(parse.GetValue(community)!, parse.GetValue(CommonOptions.Actor)!, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(campaigns);
                return;
            }
            foreach (var c in campaigns)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Id,5}  v{c.Version,-3} {c.State,-17} {c.Audience,7:N0} members  {c.Channel,-8} {c.Name}"));
            }
        }, ct));
        return command;
    }

    private static Command BuildShow()
    {
        var audit = new Option<bool>("--audit") { Description = "Also print the audit log." };
        var command = new Command("show", "Show a campaign: state, version, groups, variants, delivery.") { Id, audit };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var service = services.GetRequiredService<CampaignService>();
            var actor = parse.GetValue(CommonOptions.Actor)!;
            var view = await service.GetAsync(parse.GetValue(Id), actor, ct);
            var log = parse.GetValue(audit) ? await service.AuditAsync(view.Id, actor, ct) : null;
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(new { campaign = view, audit = log });
                return;
            }
            Print(parse, view);
            foreach (var entry in log ?? [])
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {entry.At:yyyy-MM-dd HH:mm:ss} {entry.Actor,-16} {entry.Action,-20} v{entry.Version} {entry.From ?? "-"} -> {entry.To} {entry.Detail}"));
            }
        }, ct));
        return command;
    }

    private static Command BuildEdit()
    {
        var variant = new Option<string>("--variant") { Description = "The variant to change (A, B...).", Required = true };
        var language = new Option<string>("--language") { Description = "The message's language (en, fr...).", DefaultValueFactory = _ => "en" };
        var subject = new Option<string?>("--subject") { Description = "The new subject line." };
        var body = new Option<FileInfo?>("--body-file") { Description = "A text file with the new body ({{first_name}} and the other tokens allowed)." };
        var command = new Command("edit", "Change a variant's message: a new version that must be approved again.") { Id, variant, language, subject, body };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var file = parse.GetValue(body);
            var text = file is null ? null : await File.ReadAllTextAsync(file.FullName, ct);
            var view = await services.GetRequiredService<CampaignService>().EditMessageAsync(parse.GetValue(Id), parse.GetValue(variant)!,
                parse.GetValue(language)!, parse.GetValue(subject), text, parse.GetValue(CommonOptions.Actor)!, ct);
            Print(parse, view);
        }, ct));
        return command;
    }

    private static Command BuildPreview()
    {
        var variant = new Option<string>("--variant") { Description = "The variant (A, B...).", Required = true };
        var member = new Option<string?>("--member") { Description = "The member's platform id (default: the first member of the variant's group)." };
        var command = new Command("preview", "Show a variant as one member would receive it.") { Id, variant, member };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var preview = await services.GetRequiredService<CampaignService>().PreviewAsync(parse.GetValue(Id), parse.GetValue(variant)!, parse.GetValue(member), parse.GetValue(CommonOptions.Actor)!, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(preview);
                return;
            }
            Console.Out.WriteLine($"To: {preview.Member} ({preview.Language})\nSubject: {preview.Subject}\n\n{preview.Body}");
        }, ct));
        return command;
    }

    private static Command BuildDecision(bool approve)
    {
        var version = new Option<int>("--version") { Description = "The version you reviewed: a campaign changed since is refused.", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit log)." };
        var command = approve
            ? new Command("approve", "Approve exactly this version of a campaign (manager role).") { Id, version }
            : new Command("reject", "Reject this version of a campaign (manager role).") { Id, version, reason };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var service = services.GetRequiredService<CampaignService>();
            var actor = parse.GetValue(CommonOptions.Actor)!;
            var view = approve
                ? await service.ApproveAsync(parse.GetValue(Id), parse.GetValue(version), actor, ct)
                : await service.RejectAsync(parse.GetValue(Id), parse.GetValue(version), parse.GetValue(reason), actor, ct);
            Print(parse, view);
        }, ct));
        return command;
    }

    private static Command BuildSend()
    {
        var at = new Option<DateTimeOffset?>("--at") { Description = "Start at this time (ISO 8601; default now)." };
        var noWait = new Option<bool>("--no-wait") { Description = "Only queue the messages; the server's dispatcher delivers them." };
        var command = new Command("send", "Send an approved campaign: queue every recipient's message, then deliver what is due.") { Id, at, noWait };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var view = await services.GetRequiredService<CampaignService>().SendAsync(parse.GetValue(Id), parse.GetValue(at), parse.GetValue(CommonOptions.Actor)!, ct);
            Console.Error.WriteLine($"Queued {view.Delivery.Pending:N0} messages ({view.Delivery.Skipped:N0} skipped: opted out, no address or frequency cap).");
            if (!parse.GetValue(noWait))
            {
                await DispatchAsync(services, view.Id, ct);
            }
            Print(parse, await services.GetRequiredService<CampaignService>().GetAsync(view.Id, parse.GetValue(CommonOptions.Actor)!, ct));
        }, ct));
        return command;
    }

    private static Command BuildDispatch()
    {
        var id = new Argument<long?>("id") { Description = "Only this campaign's messages (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("dispatch", "Deliver the messages that are due (resumes a send that was interrupted).") { id };
        command.SetAction((parse, ct) => WithServices(parse, async services => await DispatchAsync(services, parse.GetValue(id), ct), ct));
        return command;
    }

    private static Command BuildResults()
    {
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the results chart here (.png or .svg)." };
        var table = new Option<FileInfo?>("--table") { Description = "Write the results table here (.csv, .xlsx or .json)." };
        var command = new Command("results", "Who came back, per variant against the holdout, and the next wave's allocation.") { Id, chart, table };
        command.SetAction((parse, ct) => WithServices(parse, async services =>
        {
            var results = await services.GetRequiredService<CampaignResults>().ResultsAsync(parse.GetValue(Id), parse.GetValue(CommonOptions.Actor)!, ct);
            if (parse.GetValue(chart) is { } chartFile)
            {
                var format = ExportFormats.FromFileName(chartFile.Name) is { } f && f.IsChartFormat() ? f
                    : throw new CampaignArgumentException("--chart takes a .png or .svg file.");
                await File.WriteAllBytesAsync(chartFile.FullName, ChartRenderer.Render(results.Chart, format), ct);
            }
            if (parse.GetValue(table) is { } tableFile)
            {
                var format = ExportFormats.FromFileName(tableFile.Name) is { } f && f.IsTableFormat() ? f
                    : throw new CampaignArgumentException("--table takes a .csv, .xlsx or .json file.");
                await using var output = File.Create(tableFile.FullName);
                await TableExport.WriteAsync(results.Table, format, output, ct);
            }
            if (parse.GetValue(CommonOptions.Json))
            {
                CliOutput.Json(new { campaign = results.Campaign, results.Analysis.Groups, results.Analysis.SampleRatioPValue, results.Analysis.Warnings, results.Analysis.NextWave });
                return;
            }
            var c = results.Campaign;
            Console.Out.WriteLine($"Campaign {c.Id} \"{c.Name}\" ({c.State}): a return within {c.GoalDays} days counts{(c.GoalAction is null ? "" : $" ({c.GoalAction})")}.");
            Console.Out.WriteLine("group     need          assigned  returned   rate     95% interval      uplift  p-value  P(beat holdout)");
            foreach (var g in results.Analysis.Groups)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{g.Group,-9} {g.Need ?? "",-13} {g.Assigned,8:N0} {g.Returned,9:N0} {g.Rate,6:P1}   {g.RateLow,6:P1} - {g.RateHigh,6:P1}  {(g.Uplift is { } u ? u.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : ""),7} {(g.PValue is { } p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : ""),8} {(g.ProbabilityToBeatHoldout is { } b ? b.ToString("P1", CultureInfo.InvariantCulture) : ""),8}"));
            }
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sample ratio check: p = {results.Analysis.SampleRatioPValue:0.####}"));
            foreach (var warning in results.Analysis.Warnings)
            {
                Console.Out.WriteLine($"warning: {warning.Message}");
            }
            foreach (var profile in results.Analysis.NextWave.GroupBy(a => a.Profile))
            {
                Console.Out.WriteLine($"next wave, {profile.Key}: " + string.Join(", ", profile.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Variant} ({a.Need}) {a.Share:P0} [{a.Returned}/{a.Recipients}]"))));
            }
        }, ct));
        return command;
    }

    /// <summary>Runs the dispatcher until nothing is due, with progress on standard error.</summary>
    private static async Task DispatchAsync(IServiceProvider services, long? campaignId, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var report = await dispatcher.RunAsync(campaignId, new Progress<DispatchReport>(r =>
            Console.Error.WriteLine($"  sent {r.Sent:N0}, retrying {r.Retrying:N0}, failed {r.Failed:N0}, skipped {r.Skipped:N0}, deferred to after quiet hours {r.Deferred:N0}")), ct);
        var (outstanding, next) = await dispatcher.OutstandingAsync(campaignId, ct);
        Console.Error.WriteLine($"Delivered {report.Sent:N0} messages ({report.Failed:N0} failed, {report.Skipped:N0} skipped)."
            + (outstanding > 0 ? $" {outstanding:N0} wait until {next:yyyy-MM-dd HH:mm} UTC (quiet hours or retries): the server's dispatcher, or 'campaign dispatch', delivers them." : ""));
    }

    private static void Print(ParseResult parse, CampaignView view)
    {
        if (parse.GetValue(CommonOptions.Json))
        {
            CliOutput.Json(view);
            return;
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Campaign {view.Id} \"{view.Name}\" ({view.Community}): {view.State}, version {view.Version}{(view.DecidedBy is null ? "" : $", decided by {view.DecidedBy} at {view.DecidedAt:yyyy-MM-dd HH:mm}")}"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {view.Audience:N0} members of {view.Segment}{(view.Profile is null ? "" : "/" + view.Profile)}; groups {string.Join(", ", view.Groups.OrderBy(g => g.Key == "holdout").ThenBy(g => g.Key).Select(g => $"{g.Key} {g.Value:N0}"))}; baseline {view.BaselineRate:P1}, detectable uplift {view.MinimumDetectableEffect * 100:0.#} points"));
        foreach (var v in view.Variants)
        {
            Console.Out.WriteLine($"  {v.Name} ({v.Need}, {v.Tone}, from {string.Join(", ", v.Playbooks)}; {string.Join("/", v.Languages)}): \"{v.Subject}\"");
        }
        if (view.Delivery.Total > 0)
        {
            Console.Out.WriteLine($"  delivery: {view.Delivery.Sent:N0} sent, {view.Delivery.Pending + view.Delivery.Sending:N0} waiting, {view.Delivery.Skipped:N0} skipped, {view.Delivery.Failed:N0} failed");
        }
    }

    private static Task<int> WithServices(ParseResult parse, Func<IServiceProvider, Task> work, CancellationToken ct) => CommandErrors.RunAsync(async () =>
    {
        using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
        return ExitCodes.Success;
    });
}
