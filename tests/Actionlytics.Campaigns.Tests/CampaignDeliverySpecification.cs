using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Members;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Actionlytics.Tests.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Campaigns.Tests;

/// <summary>Campaigns from draft to inbox: a real SQLite store, the demo community, a real SMTP server and real HTTP.</summary>
public sealed class CampaignDeliverySpecification
{
    private const string Segment = "recently_lapsed_regulars";

    private static async Task<CampaignView> DraftAndApproveAsync(CampaignWorld world, CampaignRequest request)
    {
        var (draft, _) = await world.Campaigns(c => c.DraftAsync(CampaignWorld.Community, request, CampaignWorld.Manager, CancellationToken.None));
        return await world.Campaigns(c => c.ApproveAsync(draft.Id, draft.Version, CampaignWorld.Manager, CancellationToken.None));
    }

    private static Task<List<OutboxMessage>> OutboxAsync(CampaignWorld world, long campaignId) =>
        world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().Outbox.AsNoTracking().Where(m => m.CampaignId == campaignId).ToListAsync());

    private static Task<List<CampaignRecipient>> RecipientsAsync(CampaignWorld world, long campaignId) =>
        world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync());

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Delivers_one_personalised_message_per_recipient_with_one_click_unsubscribe_and_nothing_to_the_holdout(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await CampaignWorld.CreateAsync(sink.Settings(), provider: provider);
        var campaign = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 3));

        var queued = await world.Campaigns(c => c.SendAsync(campaign.Id, null, CampaignWorld.Manager, CancellationToken.None));
        var report = await world.DispatchAsync(campaign.Id);

        var outbox = await OutboxAsync(world, campaign.Id);
        var mail = sink.Messages();
        Assert.Equal(queued.Delivery.Pending, report.Sent);
        Assert.Equal(outbox.Count(m => m.Status == OutboxStatus.Sent), mail.Count);
        Assert.Equal(mail.Count, mail.Select(m => m.MessageId).Distinct().Count());
        var holdout = (await RecipientsAsync(world, campaign.Id)).Where(r => r.Group == GroupAssignment.Holdout).Select(r => r.MemberId).ToHashSet();
        Assert.NotEmpty(holdout);
        Assert.DoesNotContain(outbox, m => holdout.Contains(m.MemberId));
        foreach (var message in mail)
        {
            var sent = outbox.Single(m => "<" + m.MessageKey + ">" == "<" + message.MessageId + ">");
            Assert.Equal(sent.Address, message.To.Mailboxes.Single().Address);
            Assert.Equal($"<http://localhost:5180/u/{sent.UnsubscribeToken}>", message.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.DoesNotContain("{{", message.Subject + message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/u/{sent.UnsubscribeToken}", message.TextBody, StringComparison.Ordinal);
        }
        var state = await world.Campaigns(c => c.GetAsync(campaign.Id, CampaignWorld.Viewer, CancellationToken.None));
        Assert.Equal("measuring", state.State);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_campaign_edited_after_approval_cannot_be_sent_until_the_new_version_is_approved(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await CampaignWorld.CreateAsync(sink.Settings(), provider: provider);
        var approved = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2));

        var edited = await world.Campaigns(c => c.EditMessageAsync(approved.Id, "A", "en", "A new subject for {{first_name}}", null, CampaignWorld.Manager, CancellationToken.None));
        Assert.Equal(2, edited.Version);
        Assert.Equal("pending_approval", edited.State);

        await Assert.ThrowsAsync<CampaignStateException>(() => world.Campaigns(c => c.SendAsync(approved.Id, null, CampaignWorld.Manager, CancellationToken.None)));
        await Assert.ThrowsAsync<CampaignStateException>(() => world.Campaigns(c => c.ApproveAsync(approved.Id, 1, CampaignWorld.Manager, CancellationToken.None)));
        Assert.Empty(await OutboxAsync(world, approved.Id));

        await world.Campaigns(c => c.ApproveAsync(approved.Id, 2, CampaignWorld.Manager, CancellationToken.None));
        await world.Campaigns(c => c.SendAsync(approved.Id, null, CampaignWorld.Manager, CancellationToken.None));
        await world.DispatchAsync(approved.Id);
        Assert.Contains(sink.Messages(), m => m.Subject?.StartsWith("A new subject for ", StringComparison.Ordinal) == true);

        var audit = await world.Campaigns(c => c.AuditAsync(approved.Id, CampaignWorld.Viewer, CancellationToken.None));
        Assert.Equal(["drafted", "approval_requested", "approved", "edited", "approved", "scheduled", "sending_started", "sent", "measuring_started"], audit.Select(a => a.Action));
        Assert.Equal([1, 1, 1, 2, 2, 2, 2, 2, 2], audit.Select(a => a.Version));
        Assert.All(audit.Take(6), a => Assert.Equal(CampaignWorld.Manager, a.Actor));
    }

    [Fact]
    public async Task Only_a_manager_of_the_community_may_draft_approve_or_send()
    {
        await using var world = await CampaignWorld.CreateAsync(new Dictionary<string, string?>());
        var (draft, _) = await world.Campaigns(c => c.DraftAsync(CampaignWorld.Community, new CampaignRequest(Segment, Variants: 2), CampaignWorld.Manager, CancellationToken.None));

        var viewer = await Assert.ThrowsAsync<RoleRequiredException>(() => world.Campaigns(c => c.ApproveAsync(draft.Id, 1, CampaignWorld.Viewer, CancellationToken.None)));
        Assert.Contains("manager", viewer.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RoleRequiredException>(() => world.Campaigns(c => c.ApproveAsync(draft.Id, 1, "stranger@example.org", CancellationToken.None)));
        await Assert.ThrowsAsync<RoleRequiredException>(() => world.Campaigns(c => c.DraftAsync(CampaignWorld.Community, new CampaignRequest(Segment), CampaignWorld.Viewer, CancellationToken.None)));
        await Assert.ThrowsAsync<RoleRequiredException>(() => world.Campaigns(c => c.GetAsync(draft.Id, "stranger@example.org", CancellationToken.None)));
        Assert.Equal("pending_approval", (await world.Campaigns(c => c.GetAsync(draft.Id, CampaignWorld.Viewer, CancellationToken.None))).State);
    }

    [Fact]
    public async Task Never_contacts_a_member_who_opted_out_even_after_the_send_was_queued()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await CampaignWorld.CreateAsync(sink.Settings());
        var campaign = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2));
        await world.Campaigns(c => c.SendAsync(campaign.Id, null, CampaignWorld.Manager, CancellationToken.None));
        var queued = (await OutboxAsync(world, campaign.Id)).Where(m => m.Status == OutboxStatus.Pending).ToList();
        var (viaLink, viaPlatform) = (queued[0], queued[1]);

        Assert.True(await world.InScope(s => s.GetRequiredService<Unsubscribes>().OptOutAsync(viaLink.UnsubscribeToken, CancellationToken.None)));
        await world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().Members.Where(m => m.Id == viaPlatform.MemberId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.OptedOutChannels, ContactChannels.Email)));
        await world.DispatchAsync(campaign.Id);

        var recipients = sink.Messages().Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        Assert.Equal(queued.Count - 2, recipients.Count);
        Assert.DoesNotContain(viaLink.Address, recipients);
        Assert.DoesNotContain(viaPlatform.Address, recipients);
        var outbox = await OutboxAsync(world, campaign.Id);
        Assert.All(outbox.Where(m => m.Id == viaLink.Id || m.Id == viaPlatform.Id), m => Assert.Equal("opted_out", m.SkipReason));
    }

    [Fact]
    public async Task A_second_campaign_within_the_frequency_cap_skips_the_members_the_first_one_reached()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await CampaignWorld.CreateAsync(sink.Settings());
        var first = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2));
        await world.Campaigns(c => c.SendAsync(first.Id, null, CampaignWorld.Manager, CancellationToken.None));
        await world.DispatchAsync(first.Id);
        var reached = (await OutboxAsync(world, first.Id)).Where(m => m.Status == OutboxStatus.Sent).Select(m => m.MemberId).ToHashSet();
        var afterFirst = sink.Count;

        var second = await DraftAndApproveAsync(world, new CampaignRequest(Variants: 2)); // every inactive member
        await world.Campaigns(c => c.SendAsync(second.Id, null, CampaignWorld.Manager, CancellationToken.None));
        await world.DispatchAsync(second.Id);

        var secondOutbox = await OutboxAsync(world, second.Id);
        var overlap = secondOutbox.Where(m => reached.Contains(m.MemberId)).ToList();
        Assert.NotEmpty(overlap);
        Assert.All(overlap, m => Assert.Equal(("frequency_cap", OutboxStatus.Skipped), (m.SkipReason, m.Status)));
        var perRecipient = sink.Messages().GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.All(perRecipient, g => Assert.Single(g));
        Assert.True(sink.Count > afterFirst);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Holds_messages_during_quiet_hours_in_the_members_own_time_zone(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var tokyoNow = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tokyo).DateTime);
        var settings = sink.Settings();
        // Quiet in Tokyo right now; the community's members (UTC, nine hours behind) are outside the window.
        settings["Campaigns:QuietHoursStart"] = tokyoNow.AddHours(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        settings["Campaigns:QuietHoursEnd"] = tokyoNow.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await using var world = await CampaignWorld.CreateAsync(settings, provider: provider);
        var campaign = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2));
        await world.Campaigns(c => c.SendAsync(campaign.Id, null, CampaignWorld.Manager, CancellationToken.None));
        var inTokyo = (await OutboxAsync(world, campaign.Id)).First(m => m.Status == OutboxStatus.Pending);
        await world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().Members.Where(m => m.Id == inTokyo.MemberId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AttributesJson, "{\"time_zone\":\"Asia/Tokyo\"}")));

        var report = await world.DispatchAsync(campaign.Id);

        Assert.Equal(1, report.Deferred);
        Assert.DoesNotContain(sink.Messages(), m => m.To.Mailboxes.Single().Address == inTokyo.Address);
        var held = (await OutboxAsync(world, campaign.Id)).Single(m => m.Id == inTokyo.Id);
        Assert.Equal(OutboxStatus.Pending, held.Status);
        var releasedAt = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(held.NextAttemptAt, tokyo).DateTime);
        Assert.Equal(tokyoNow.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), releasedAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("sending", (await world.Campaigns(c => c.GetAsync(campaign.Id, CampaignWorld.Manager, CancellationToken.None))).State);
    }

    [Fact]
    public async Task Retries_a_message_the_smtp_server_turned_away_for_now_and_delivers_it_once()
    {
        await using var sink = await SmtpSink.StartAsync(rejectFirst: 3);
        var settings = sink.Settings();
        settings["Campaigns:RetryBaseSeconds"] = "1";
        await using var world = await CampaignWorld.CreateAsync(settings);
        var campaign = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2));
        await world.Campaigns(c => c.SendAsync(campaign.Id, null, CampaignWorld.Manager, CancellationToken.None));

        var first = await world.DispatchAsync(campaign.Id);
        Assert.Equal(3, first.Retrying);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = await world.DispatchAsync(campaign.Id);

        var outbox = await OutboxAsync(world, campaign.Id);
        // The retries may already go out during the first pass (it keeps going while messages are due): count over both.
        Assert.Equal(outbox.Count(m => m.Status == OutboxStatus.Sent), first.Sent + second.Sent);
        Assert.Equal(3, outbox.Count(m => m.Attempts == 2 && m.Status == OutboxStatus.Sent));
        Assert.All(sink.Messages().GroupBy(m => m.MessageId), g => Assert.Single(g));
        Assert.Equal(outbox.Count(m => m.Status == OutboxStatus.Sent), sink.Count);
    }

    [Fact]
    public async Task Posts_webhooks_signed_with_hmac_sha256_over_the_timestamp_and_body()
    {
        const string secret = "a-webhook-secret-of-some-length";
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var received = new List<(string Body, string Signature, string Timestamp, string Key)>();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (received)
                {
                    received.Add((body, context.Request.Headers["X-Actionlytics-Signature"]!, context.Request.Headers["X-Actionlytics-Timestamp"]!, context.Request.Headers["Idempotency-Key"]!));
                }
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        await using var world = await CampaignWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["Campaigns:Webhook:Url"] = $"http://127.0.0.1:{port}/hook/",
            ["Campaigns:Webhook:Secret"] = secret,
            ["Campaigns:Webhook:PerSecond"] = "10000",
            ["Campaigns:QuietHoursStart"] = "00:00",
            ["Campaigns:QuietHoursEnd"] = "00:00",
        });
        var campaign = await DraftAndApproveAsync(world, new CampaignRequest(Segment, Variants: 2, Channel: "webhook"));
        await world.Campaigns(c => c.SendAsync(campaign.Id, null, CampaignWorld.Manager, CancellationToken.None));
        var report = await world.DispatchAsync(campaign.Id);
        listener.Stop();
        await serving;

        Assert.True(report.Sent > 0);
        Assert.Equal(report.Sent, received.Count);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        foreach (var (body, signature, timestamp, key) in received)
        {
            var expected = "sha256=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expected, signature);
            Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            using var json = JsonDocument.Parse(body);
            Assert.Equal(key, json.RootElement.GetProperty("id").GetString());
            Assert.Equal(campaign.Id, json.RootElement.GetProperty("campaign_id").GetInt64());
        }
        Assert.Equal(received.Count, received.Select(r => r.Key).Distinct().Count());
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
