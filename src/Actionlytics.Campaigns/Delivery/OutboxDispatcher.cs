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
        var due = await db.Outbox.AsNoTracking()
            .Where(m => (campaignId == null || m.CampaignId == campaignId)
                && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now)))
            .OrderBy(m => m.Id).Take(o.DispatchBatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return new DispatchReport(0, 0, 0, 0, 0);
        }
        var memberIds = due.Select(m => m.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var communityIds = due.Select(m => m.CommunityId).Distinct().ToList();
        var zones = (await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => new CommunityCalendar(c.TimeZone).Zone);
        var since = now.AddDays(-o.FrequencyCapDays);
        var contactedElsewhere = await db.Outbox.AsNoTracking()
            .Where(m => memberIds.Contains(m.MemberId) && m.Status == OutboxStatus.Sent && m.SentAt >= since)
            .Select(m => new { m.MemberId, m.CampaignId }).ToListAsync(ct);

        int sent = 0, retrying = 0, failed = 0, skipped = 0, deferred = 0;
        foreach (var message in due)
        {
            ct.ThrowIfCancellationRequested();
            var member = members[message.MemberId];
            var capped = o.FrequencyCapDays > 0 && contactedElsewhere.Any(c => c.MemberId == message.MemberId && c.CampaignId != message.CampaignId);
            var skip = CampaignService.SkipReason(message.Channel, member, capped);
            if (skip is not null)
            {
                await SetAsync(message.Id, OutboxStatus.Skipped, m => m.SetProperty(x => x.SkipReason, skip), ct);
                skipped++;
                continue;
            }
            var allowed = o.QuietHours.NextAllowed(now, MemberZone(member.AttributesJson) ?? zones[message.CommunityId]);
            if (allowed > now)
            {
                await db.Outbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, allowed), ct);
                deferred++;
                continue;
            }
            if (!senderCache.TryGetValue(message.Channel, out var sender))
            {
                sender = senderCache[message.Channel] = senders.Create(message.Channel);
            }
            if (sender is null)
            {
                await SetAsync(message.Id, OutboxStatus.Failed, m => m.SetProperty(x => x.LastError, $"The {message.Channel} channel is not configured."), ct);
                failed++;
                continue;
            }

            await PaceAsync(message.Channel, ct);
            var claimStart = time.GetUtcNow();
            var claimed = await db.Outbox
                .Where(m => m.Id == message.Id && ((m.Status == OutboxStatus.Pending) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < claimStart)))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.ClaimedUntil, claimStart.AddSeconds(o.ClaimSeconds))
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // Another dispatcher has it.
            }
            // The claim is committed: from here a cancellation must not stop between the send and its record.
            var outcome = await sender.SendAsync(message, $"{o.PublicBaseUrl.TrimEnd('/')}/u/{message.UnsubscribeToken}", CancellationToken.None);
            var attempts = message.Attempts + 1;
            switch (outcome.Result)
            {
                case DeliveryResult.Delivered:
                    var at = time.GetUtcNow();
                    await SetAsync(message.Id, OutboxStatus.Sent, m => m.SetProperty(x => x.SentAt, at).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
                    sent++;
                    break;
                case DeliveryResult.Transient when attempts < o.MaxAttempts:
                    var retryAt = time.GetUtcNow().Add(Backoff(attempts, o.RetryBaseSeconds));
                    await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                        .SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, Shorten(outcome.Error)), CancellationToken.None);
                    logger.LogWarning("Outbox message {Id} failed (attempt {Attempt}), retrying at {RetryAt}: {Error}", message.Id, attempts, retryAt, outcome.Error);
                    retrying++;
                    break;
                default:
                    await SetAsync(message.Id, OutboxStatus.Failed, m => m.SetProperty(x => x.LastError, Shorten(outcome.Error)), CancellationToken.None);
                    logger.LogWarning("Outbox message {Id} failed for good after {Attempts} attempts: {Error}", message.Id, attempts, outcome.Error);
                    failed++;
                    break;
            }
        }
        return new DispatchReport(sent, retrying, failed, skipped, deferred);
    }

    /// <summary>Scheduled campaigns whose time has come start sending; finished sends start measuring; closed goal windows conclude.</summary>
    private async Task AdvanceCampaignsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var active = await db.Campaigns.Where(c => c.State == CampaignState.Scheduled || c.State == CampaignState.Sending || c.State == CampaignState.Measuring).ToListAsync(ct);
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
            }
        }
        await db.SaveChangesAsync(ct);
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

    private Task<int> SetAsync(
        long id, OutboxStatus status, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> more, CancellationToken ct) =>
        db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(m => m.Status, status);
            more(s);
        }, ct);

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
