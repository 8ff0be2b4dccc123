using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Members;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>What an unsubscribe link stands for: which community's messages, on which channel.</summary>
public sealed record UnsubscribeTarget(string CommunityName, DeliveryChannel Channel, bool AlreadyOptedOut);

/// <summary>
/// The unsubscribe links of messages: a random token per message finds the member and the channel. Opening the link
/// only shows what it does (mail scanners open links); the opt-out is the POST from the page or from a one-click mail client.
/// </summary>
public sealed class Unsubscribes(ActionlyticsDbContext db, TimeProvider time)
{
    public async Task<UnsubscribeTarget?> FindAsync(string token, CancellationToken ct)
    {
        var found = await LookupAsync(token, ct);
        return found is null ? null : new UnsubscribeTarget(found.Value.Community, found.Value.Channel, (found.Value.Member.OptedOutChannels & found.Value.Channel.OptOutFlag()) != 0);
    }

    /// <summary>Opts the member out of the link's channel (idempotent); false when the token is unknown.</summary>
    public async Task<bool> OptOutAsync(string token, CancellationToken ct)
    {
        var found = await LookupAsync(token, ct);
        if (found is null)
        {
            return false;
        }
        var flag = found.Value.Channel.OptOutFlag();
        await db.Members.Where(m => m.Id == found.Value.Member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OptedOutChannels, m => m.OptedOutChannels | flag), ct);
        // Messages of this channel still waiting for this member are not sent.
        var now = time.GetUtcNow();
        await db.Outbox.Where(m => m.MemberId == found.Value.Member.Id && m.Channel == found.Value.Channel
                && (m.Status == OutboxStatus.Pending || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Skipped).SetProperty(m => m.SkipReason, "opted_out"), ct);
        return true;
    }

    private async Task<(Member Member, DeliveryChannel Channel, string Community)?> LookupAsync(string token, CancellationToken ct)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var message = await db.Outbox.AsNoTracking().Where(m => m.UnsubscribeToken == token).Select(m => new { m.MemberId, m.Channel, m.CommunityId }).FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == message.MemberId, ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == message.CommunityId).Select(c => c.Name).FirstAsync(ct);
        return (member, message.Channel, community);
    }
}
