using System.Text.Json;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>What one dispatch pass did.</summary>
public sealed record DispatchReport(int Sent, int Retrying, int Failed, int Skipped, int Deferred)
{
    public int Handled => Sent + Retrying + Failed + Skipped + Deferred;
}

/// <summary>
/// Delivers the outbox. Each message is claimed (status sending, with a lease) in its own committed write before it is
/// sent, and marked sent in another right after. A dispatcher killed between the two leaves the message claimed; once the
/// lease runs out the next dispatcher sends it again with the same key (Message-ID, Idempotency-Key), so the receiving
/// side sees one message. Two dispatchers never hold the same message: the claim is a conditional update only one wins.
/// Before each send the member's opt-outs, the frequency cap and quiet hours are checked again, since they may have
/// changed since the send started.
/// </summary>
public sealed class OutboxDispatcher(
    ActionlyticsDbContext db,
    CampaignService campaigns,
    MessageSenderFactory senders,
    IOptions<CampaignOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<DeliveryChannel, DateTimeOffset> _nextSlot = [];

    /// <summary>Delivers what is due now, batch after batch, until nothing is due; reports after every batch.</summary>
    public async Task<DispatchReport> RunAsync(long? campaignId, IProgress<DispatchReport>? progress, CancellationToken ct)
    {
        var total = new DispatchReport(0, 0, 0, 0, 0);
        await AdvanceCampaignsAsync(ct);
        var senderCache = new Dictionary<DeliveryChannel, IMessageSender?>();
        try
        {
            while (true)
            {
                var batch = await RunBatchAsync(campaignId, senderCache, ct);
                if (batch.Handled == 0)
                {
                    break;
                }
                total = new DispatchReport(total.Sent + batch.Sent, total.Retrying + batch.Retrying, total.Failed + batch.Failed,
                    total.Skipped + batch.Skipped, total.Deferred + batch.Deferred);
                progress?.Report(total);
            }
        }
        finally
        {
            foreach (var sender in senderCache.Values)
            {
                if (sender is not null)
                {
                    await sender.DisposeAsync();
                }
            }
        }
        await AdvanceCampaignsAsync(ct);
        return total;
    }

    /// <summary>Messages of the campaign (or all) not yet delivered, skipped or failed, and when the next one is due.</summary>
    public async Task<(int Outstanding, DateTimeOffset? NextDue)> OutstandingAsync(long? campaignId, CancellationToken ct)
    {
        var open = db.Outbox.AsNoTracking().Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            && (campaignId == null || m.CampaignId == campaignId));
        var count = await open.CountAsync(ct);
        var next = count == 0 ? (DateTimeOffset?)null : (await open.Select(m => m.NextAttemptAt).ToListAsync(ct)).Min();
        return (count, next);
    }

    private async Task<DispatchReport> RunBatchAsync(long? campaignId, Dictionary<DeliveryChannel, IMessageSender?> senderCache, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        // Only channels this process can deliver: a dispatcher without SMTP settings leaves email messages to one that has them.
        var channels = Enum.GetValues<DeliveryChannel>().Where(c => Sender(c, senderCache) is not null).ToList();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => (campaignId == null || m.CampaignId == campaignId) && channels.Contains(m.Channel)
                && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now))
                && db.Campaigns.Any(c => c.Id == m.CampaignId && c.State == CampaignState.Sending))
            .OrderBy(m => m.Id).Take(o.DispatchBatchSize).ToListAsync(ct);
        var zones = new Dictionary<int, TimeZoneInfo>();

        int sent = 0, retrying = 0, failed = 0, skipped = 0, deferred = 0;
        foreach (var message in due)
        {
            ct.ThrowIfCancellationRequested();
            await PaceAsync(message.Channel, ct);
            var claimStart = time.GetUtcNow();
            // Whole milliseconds: the lease doubles as the claim's token, and must read back equal from SQLite (ms) and PostgreSQL (µs).
            var lease = DateTimeOffset.FromUnixTimeMilliseconds(claimStart.AddSeconds(o.ClaimSeconds).ToUnixTimeMilliseconds());
            var claimed = await db.Outbox
                .Where(m => m.Id == message.Id && (m.Status == OutboxStatus.Pending || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < claimStart)))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.ClaimedUntil, lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // Another dispatcher has it, or has finished it.
            }
            // From here every write is conditional on this claim: a dispatcher whose lease ran out cannot overwrite the next one's work.
            var mine = db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.ClaimedUntil == lease);
            var attempts = message.Attempts + 1;

            // Opt-outs, the frequency cap and quiet hours as they are now, not as they were when the batch was read.
            var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == message.MemberId, ct);
            var skip = CampaignService.SkipReason(message.Channel, member, await ContactedElsewhereAsync(message, ct));
            if (skip is not null || attempts > o.MaxAttempts)
            {
                var (status, reason, error) = skip is not null ? (OutboxStatus.Skipped, skip, (string?)null) : (OutboxStatus.Failed, null, $"Gave up after {o.MaxAttempts} attempts.");
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.SkipReason, reason).SetProperty(m => m.LastError, error), CancellationToken.None);
                if (skip is not null)
                {
                    skipped++;
                }
                else
                {
                    failed++;
                }
                continue;
            }
            if (!zones.TryGetValue(message.CommunityId, out var communityZone))
            {
                var zoneId = await db.Communities.AsNoTracking().Where(c => c.Id == message.CommunityId).Select(c => c.TimeZone).FirstAsync(ct);
                communityZone = zones[message.CommunityId] = new CommunityCalendar(zoneId).Zone;
            }
            var allowed = o.QuietHours.NextAllowed(claimStart, MemberZone(member.AttributesJson) ?? communityZone);
            if (allowed > claimStart)
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, allowed)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
                deferred++;
                continue;
            }

            // The claim is committed: from here a cancellation must not stop between the send and its record.
            DeliveryOutcome outcome;
            try
            {
                outcome = await Sender(message.Channel, senderCache)!.SendAsync(message, $"{o.PublicBaseUrl.TrimEnd('/')}/u/{message.UnsubscribeToken}", CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Anything a sender did not expect (TLS, authentication, a protocol surprise) is retried like a transient failure, within MaxAttempts.
                outcome = new DeliveryOutcome(DeliveryResult.Transient, e.Message);
                if (senderCache.Remove(message.Channel, out var broken) && broken is not null)
                {
                    await broken.DisposeAsync();
                }
            }
            switch (outcome.Result)
            {
                case DeliveryResult.Delivered:
                    var at = time.GetUtcNow();
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                    sent++;
                    break;
                case DeliveryResult.Transient when attempts < o.MaxAttempts:
                    var retryAt = time.GetUtcNow().Add(Backoff(attempts, o.RetryBaseSeconds));
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                        .SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, Shorten(outcome.Error)), CancellationToken.None);
                    logger.LogWarning("Outbox message {Id} failed (attempt {Attempt}), retrying at {RetryAt}: {Error}", message.Id, attempts, retryAt, outcome.Error);
                    retrying++;
                    break;
                default:
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, Shorten(outcome.Error)), CancellationToken.None);
                    logger.LogWarning("Outbox message {Id} failed for good after {Attempts} attempts: {Error}", message.Id, attempts, outcome.Error);
                    failed++;
                    break;
            }
        }
        return new DispatchReport(sent, retrying, failed, skipped, deferred);
    }

    /// <summary>
    /// Whether another campaign reached this member within the frequency cap, or is sending to them right now (then
    /// this one yields: of two campaigns claiming one member at once, at worst neither sends, never both).
    /// </summary>
    private async Task<bool> ContactedElsewhereAsync(OutboxMessage message, CancellationToken ct)
    {
        var days = options.Value.FrequencyCapDays;
        if (days == 0)
        {
            return false;
        }
        var since = time.GetUtcNow().AddDays(-days);
        return await db.Outbox.AsNoTracking().AnyAsync(m => m.MemberId == message.MemberId && m.CampaignId != message.CampaignId
            && ((m.Status == OutboxStatus.Sent && m.SentAt >= since) || m.Status == OutboxStatus.Sending), ct);
    }

    private IMessageSender? Sender(DeliveryChannel channel, Dictionary<DeliveryChannel, IMessageSender?> cache)
    {
        if (!cache.TryGetValue(channel, out var sender))
        {
            sender = cache[channel] = senders.Create(channel);
        }
        return sender;
    }

    /// <summary>Scheduled campaigns whose time has come start sending; finished sends start measuring; closed goal windows conclude.</summary>
    private async Task AdvanceCampaignsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var active = await db.Campaigns.Where(c => c.State == CampaignState.Scheduled || c.State == CampaignState.Sending || c.State == CampaignState.Measuring).ToListAsync(ct);
        var concluded = new List<Campaign>();
        foreach (var campaign in active)
        {
            if (campaign.State == CampaignState.Scheduled && campaign.ScheduledFor <= now)
            {
                campaigns.Transition(campaign, "dispatcher", "sending_started", () => campaign.StartSending(now));
            }
            if (campaign.State == CampaignState.Sending
                && !await db.Outbox.AnyAsync(m => m.CampaignId == campaign.Id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending), ct))
            {
                campaigns.Transition(campaign, "dispatcher", "sent", () => campaign.FinishSending(now));
                campaigns.Transition(campaign, "dispatcher", "measuring_started", () => campaign.StartMeasuring(now));
            }
            if (campaign.State == CampaignState.Measuring && campaign.MeasuredUntil < now)
            {
                campaigns.Transition(campaign, "dispatcher", "concluded", () => campaign.Conclude(now), "the goal window closed");
                concluded.Add(campaign);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher moved these campaigns first; its transitions, audit lines and notices stand.
            db.ChangeTracker.Clear();
            return;
        }
        foreach (var campaign in concluded)
        {
            await campaigns.NotifyConcludedAsync(campaign, ct);
        }
    }

    /// <summary>Spaces sends of a channel to its configured rate.</summary>
    private async Task PaceAsync(DeliveryChannel channel, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1 / senders.PerSecond(channel));
        var now = time.GetUtcNow();
        var slot = _nextSlot.GetValueOrDefault(channel, now);
        if (slot > now)
        {
            await Task.Delay(slot - now, time, ct);
        }
        _nextSlot[channel] = (slot > now ? slot : now) + interval;
    }

    /// <summary>base x 2^(attempt-1), with 20% jitter so retries from many messages do not arrive together.</summary>
    internal static TimeSpan Backoff(int attempt, int baseSeconds) =>
        TimeSpan.FromSeconds(baseSeconds * Math.Pow(2, attempt - 1) * (0.8 + (Random.Shared.NextDouble() * 0.4)));

    /// <summary>The member's own time zone from their attributes (<c>time_zone</c> or <c>timezone</c>), when it is a known zone.</summary>
    internal static TimeZoneInfo? MemberZone(string? attributesJson)
    {
        if (string.IsNullOrEmpty(attributesJson))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(attributesJson);
            foreach (var name in (string[])["time_zone", "timezone"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String && TimeZoneInfo.TryFindSystemTimeZoneById(value.GetString()!, out var zone))
                {
                    return zone;
                }
            }
        }
        catch (JsonException)
        {
            // Attributes are the platform's data: unreadable ones fall back to the community's zone.
        }
        return null;
    }

    private static string? Shorten(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
