using Actionlytics.Knowledge;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actionlytics.Agent;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Core.Demo;
using Actionlytics.Data;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Actionlytics.Data.Store;
using Actionlytics.Tests.Tools;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actionlytics.Benchmarks;

/// <summary>
/// What exactly-once delivery costs: a campaign sent through the outbox (claim, checks, send, record, each committed)
/// against the same rendered messages sent straight over one SMTP connection (the reference), to the same real SMTP
/// server (tests/tools/smtp_sink.py) in the same process.
/// </summary>
internal static class CampaignBenchmark
{
    public static Command Command()
    {
        var members = new Option<int>("--members") { Description = "Members of the demo community.", DefaultValueFactory = _ => 5000 };
        var command = new Command("campaigns", "Outbox delivery throughput against plain SMTP sends of the same messages.") { members };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(members), cancellationToken));
        return command;
    }

    private static async Task RunAsync(int memberCount, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-bench-campaigns-");
        await using var outboxSink = await SmtpSink.StartAsync();
        await using var referenceSink = await SmtpSink.StartAsync();
        try
        {
            var settings = outboxSink.Settings();
            settings["Campaigns:DispatchBatchSize"] = "200";
            await using var provider = await BenchmarkServices.StartAsync(folder, cancellationToken, settings);
            long campaignId;
            await using (var scope = provider.CreateAsyncScope())
            {
                var s = scope.ServiceProvider;
                await s.GetRequiredService<DemoCommunitySeeder>().SeedAsync(
                    new DemoCommunitySpec(memberCount, DemoCommunitySpec.DefaultMonths, DemoCommunitySpec.DefaultSeed, DateOnly.FromDateTime(DateTime.UtcNow)),
                    "demo", "Demo", replace: false, cancellationToken: cancellationToken);
                var campaigns = s.GetRequiredService<CampaignService>();
                var (draft, _) = await campaigns.DraftAsync("demo", new CampaignRequest(Variants: 3), CommunityRoles.LocalUser, cancellationToken);
                await campaigns.ApproveAsync(draft.Id, draft.Version, CommunityRoles.LocalUser, cancellationToken);
                var queueClock = Stopwatch.StartNew();
                await campaigns.SendAsync(draft.Id, null, CommunityRoles.LocalUser, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Queued campaign {draft.Id} ({draft.Audience:N0} members) in {queueClock.Elapsed.TotalMilliseconds:F0} ms."));
                campaignId = draft.Id;
            }

            // The product: the dispatcher delivering the outbox.
            var outboxClock = Stopwatch.StartNew();
            DispatchReport report;
            await using (var scope = provider.CreateAsyncScope())
            {
                report = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(campaignId, null, cancellationToken);
            }
            var outboxSeconds = outboxClock.Elapsed.TotalSeconds;

            // The reference: the same rendered messages, straight over one SMTP connection, no bookkeeping.
            List<OutboxMessage> messages;
            await using (var scope = provider.CreateAsyncScope())
            {
                messages = await scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>().Outbox.AsNoTracking()
                    .Where(m => m.CampaignId == campaignId && m.Status == OutboxStatus.Sent).ToListAsync(cancellationToken);
            }
            var email = provider.GetRequiredService<IOptions<CampaignOptions>>().Value.Email;
            var builder = new SmtpEmailSender(email, TimeSpan.FromSeconds(15));
            var referenceClock = Stopwatch.StartNew();
            using (var client = new SmtpClient())
            {
                await client.ConnectAsync("127.0.0.1", referenceSink.Port, MailKit.Security.SecureSocketOptions.None, cancellationToken);
                foreach (var message in messages)
                {
                    await client.SendAsync(builder.Build(message, "http://localhost/u/x"), cancellationToken);
                }
                await client.DisconnectAsync(true, cancellationToken);
            }
            var referenceSeconds = referenceClock.Elapsed.TotalSeconds;
            await builder.DisposeAsync();

            Console.WriteLine();
            Console.WriteLine("| delivery | messages | seconds | messages/s |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| outbox dispatcher (claim, re-checks, send, record) | {report.Sent:N0} | {outboxSeconds:F2} | {report.Sent / outboxSeconds:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| reference: plain SMTP sends of the same messages | {messages.Count:N0} | {referenceSeconds:F2} | {messages.Count / referenceSeconds:F0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Outbox / reference time: {outboxSeconds / referenceSeconds:F2}x; skipped {report.Skipped:N0}, failed {report.Failed:N0}; the sinks received {outboxSink.Count:N0} and {referenceSink.Count:N0}."));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
