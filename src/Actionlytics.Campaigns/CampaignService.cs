using System.Security.Cryptography;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actionlytics.Campaigns;

/// <summary>
/// A campaign's lifecycle, the same for every channel (chat, API, CLI, Teams): drafting (audience snapshot and groups
/// saved with the campaign), edits, the manager's decision on an exact version, and the start of the send, which writes
/// every recipient's message to the outbox in one transaction. Every transition is audited.
/// </summary>
public sealed class CampaignService(
    ActionlyticsDbContext db,
    StoreDatabase database,
    CommunityDirectory communities,
    CommunityRoles roles,
    CampaignDrafter drafter,
    Outcomes.CampaignOutcomeReader outcomes,
    MessagePersonalizer personalizer,
    IOptions<CampaignOptions> options,
    TimeProvider time,
    IServiceScopeFactory scopes,
    ILogger<CampaignService> logger)
{
    /// <summary>Drafts a campaign and saves it awaiting approval; members are snapshotted now. Needs the manager role.</summary>
    public async Task<(CampaignView Campaign, CampaignProposal Proposal)> DraftAsync(string communitySlug, CampaignRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var community = await communities.GetAsync(communitySlug, ct);
        await roles.RequireAsync(community.Id, community.Slug, actor, CommunityRole.Manager, "draft campaigns", ct);
        var seed = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var wave = request.NextWaveOf is { } previousId ? await NextWaveAsync(previousId, community, ct) : null;
        var draft = await drafter.DraftAsync(community, request, seed, ct, wave);
        var now = time.GetUtcNow();
        var campaign = new Campaign
        {
            CommunityId = community.Id,
            Name = Shorten(request.Name ?? (wave is null
                ? $"Reactivation: {draft.Proposal.Segment.Replace('_', ' ')}{(request.Profile is null ? "" : ", " + request.Profile)}"
                : $"{wave.Previous.Name}, next wave"), 200),
            Segment = draft.Proposal.Segment,
            Profile = wave?.Previous.Profile ?? request.Profile,
            Channel = draft.Channel,
            GoalAction = draft.GoalAction,
            GoalDays = draft.Proposal.GoalDays,
            HoldoutShare = draft.HoldoutShare,
            Seed = seed,
            State = CampaignState.Draft,
            Variants = draft.Variants,
            AudienceSize = draft.Proposal.Audience,
            BaselineRate = draft.Proposal.BaselineRate,
            MinimumDetectableEffect = draft.Proposal.MinimumDetectableEffect,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
            PreviousWaveId = wave?.Previous.Id,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        InsertRecipients(campaign.Id, draft.Audience, transaction);
        Audit(campaign, actor, "drafted", null, $"{draft.Proposal.Audience} members, {draft.Variants.Count} variants, seed {seed}"
            + (wave is null ? "" : $", next wave of campaign {wave.Previous.Id} allocated by Thompson sampling per profile"));
        Transition(campaign, actor, "approval_requested", () => campaign.RequestApproval(now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var view = await ViewAsync(campaign, community, ct);
        await NotifyAsync(view, notifier => notifier.ApprovalRequestedAsync(view, actor, ct), ct);
        return (view, draft.Proposal with { CampaignId = campaign.Id, Version = campaign.Version });
    }

    /// <summary>
    /// The audience snapshot, in the draft's transaction, through the store's bulk statement (prepared once, bound by
    /// position): a 665-member audience took about 80 ms through the change tracker, most of a chat turn that drafts a campaign.
    /// </summary>
    private void InsertRecipients(long campaignId, IReadOnlyList<(Core.Analytics.MemberScore Member, string Group)> audience, IDbContextTransaction transaction)
    {
        using var insert = database.Dialect.Prepare(db.Database.GetDbConnection(), transaction.GetDbTransaction(),
            "INSERT INTO campaign_recipients (campaign_id, member_id, external_id, group_name, profile, score, last_active_date, lifetime_active_days) "
            + "VALUES (@campaign, @member, @external, @group, @profile, @score, @last_active, @active_days)",
            ("@campaign", BulkValue.Int64), ("@member", BulkValue.Int64), ("@external", BulkValue.Text), ("@group", BulkValue.Text),
            ("@profile", BulkValue.Text), ("@score", BulkValue.Real), ("@last_active", BulkValue.Day), ("@active_days", BulkValue.Int32));
        foreach (var (member, group) in audience)
        {
            insert.Int(0, campaignId).Int(1, member.StoreMemberId).Text(2, member.MemberId).Text(3, group)
                .Text(4, member.Profile).Real(5, member.Score).Day(6, member.LastActiveDate).Int(7, member.LifetimeActiveDays).Execute();
        }
    }

    /// <summary>The campaign as it is now, after every copy of its card was told about the change.</summary>
    private async Task<CampaignView> ViewAfterChangeAsync(Campaign campaign, Community community, CancellationToken ct)
    {
        var view = await ViewAsync(campaign, community, ct);
        await NotifyAsync(view, notifier => notifier.CampaignChangedAsync(view, ct), ct);
        return view;
    }

    /// <summary>The dispatcher concluded the campaign (saved): its managers hear about the final results.</summary>
    internal async Task NotifyConcludedAsync(Campaign campaign, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == campaign.CommunityId, ct);
        var view = await ViewAsync(campaign, community, ct);
        await NotifyAsync(view, notifier => notifier.CampaignConcludedAsync(view, ct), ct);
    }

    private async Task NotifyAsync(CampaignView campaign, Func<ICampaignNotifier, Task> notify, CancellationToken ct)
    {
        // Notifiers work in a scope of their own: what they save, and any failure of it, stays out of the caller's.
        await using var scope = scopes.CreateAsyncScope();
        foreach (var notifier in scope.ServiceProvider.GetServices<ICampaignNotifier>())
        {
            try
            {
                await notify(notifier);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The change stands; only the news of it was lost (a timeout included).
                logger.LogWarning(e, "Could not tell people about campaign {Id} ({State})", campaign.Id, campaign.State);
            }
        }
    }

    /// <summary>A sent campaign of the same community, what it reached, and the next wave's Thompson shares from its results.</summary>
    private async Task<CampaignDrafter.NextWave> NextWaveAsync(long previousId, Community community, CancellationToken ct)
    {
        var previous = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == previousId && c.CommunityId == community.Id, ct)
            ?? throw new CampaignArgumentException($"Community '{community.Slug}' has no campaign {previousId}.");
        if (previous.SendStartedAt is null)
        {
            throw new CampaignArgumentException($"Campaign {previousId} has not been sent: a next wave learns from a sent campaign's results.");
        }
        var analysis = CampaignOutcomes.Analyse(previous, await outcomes.ReadAsync(previous, ct), time.GetUtcNow());
        var reached = (await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == previousId).Select(r => r.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return new CampaignDrafter.NextWave(previous, reached, analysis.NextWave);
    }

    public async Task<CampaignView> GetAsync(long id, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Viewer, "read campaigns", ct);
        return await ViewAsync(campaign, community, ct);
    }

    public async Task<IReadOnlyList<CampaignView>> ListAsync(string communitySlug, string actor, CancellationToken ct)
    {
        var community = await communities.GetAsync(communitySlug, ct);
        await roles.RequireAsync(community.Id, community.Slug, actor, CommunityRole.Viewer, "read campaigns", ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.CommunityId == community.Id).OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
        var views = new List<CampaignView>();
        foreach (var campaign in campaigns)
        {
            views.Add(await ViewAsync(campaign, community, ct));
        }
        return views;
    }

    /// <summary>
    /// The campaign named if it belongs to the community, else the community's latest (sent, with <paramref name="sentOnly"/>);
    /// null when there is none. Needs the viewer role.
    /// </summary>
    public async Task<long?> FindIdAsync(string communitySlug, long? id, bool sentOnly, string actor, CancellationToken ct)
    {
        var community = await communities.GetAsync(communitySlug, ct);
        await roles.RequireAsync(community.Id, community.Slug, actor, CommunityRole.Viewer, "read campaigns", ct);
        var query = db.Campaigns.AsNoTracking().Where(c => c.CommunityId == community.Id && (id == null || c.Id == id) && (!sentOnly || c.SendStartedAt != null));
        return await query.OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<AuditView>> AuditAsync(long id, string actor, CancellationToken ct)
    {
        await LoadAsync(id, actor, CommunityRole.Viewer, "read campaigns", ct);
        return (await db.CampaignAudit.AsNoTracking().Where(e => e.CampaignId == id).OrderBy(e => e.Id).ToListAsync(ct))
            .Select(e => new AuditView(e.At, e.Actor, e.Action, e.FromState is { } from ? CampaignViews.State(from) : null, CampaignViews.State(e.ToState), e.Version, e.Detail))
            .ToList();
    }

    /// <summary>Changes one variant's message in one language: a new version, and the approval (if any) is void.</summary>
    public async Task<CampaignView> EditMessageAsync(long id, string variant, string language, string? subject, string? body, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Manager, "edit campaigns", ct);
        var target = campaign.Variants.FirstOrDefault(v => v.Name == variant)
            ?? throw new CampaignArgumentException($"Campaign {id} has no variant '{variant}': {string.Join(", ", campaign.Variants.Select(v => v.Name))}.");
        // "FR", "fr-CA", "fr_FR": messages are per base language, the one members' locales are matched on.
        language = language.Trim().ToLowerInvariant().Split('-', '_')[0];
        if (!personalizer.Languages.Contains(language))
        {
            throw new CampaignArgumentException($"No messages in '{language}': use {string.Join(", ", personalizer.Languages.Order(StringComparer.Ordinal))}.");
        }
        var current = target.Messages.GetValueOrDefault(language) ?? target.Messages[CampaignVariantSpec.DefaultLanguage];
        var message = new MessageTemplate(subject ?? current.Subject, body ?? current.Body);
        var problems = message.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new CampaignArgumentException(string.Join(" ", problems));
        }
        var messages = new Dictionary<string, MessageTemplate>(target.Messages, StringComparer.Ordinal) { [language] = message };
        var variants = campaign.Variants.Select(v => v.Name == variant ? v with { Messages = messages } : v).ToList();
        Transition(campaign, actor, "edited", () => campaign.Edit(variants, time.GetUtcNow()), $"variant {variant} ({language})");
        await SaveAsync(campaign, ct);
        return await ViewAfterChangeAsync(campaign, community, ct);
    }

    /// <summary>A manager approves exactly <paramref name="version"/>; a campaign that changed since is refused.</summary>
    public async Task<CampaignView> ApproveAsync(long id, int version, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Manager, "approve campaigns", ct);
        Transition(campaign, actor, "approved", () => campaign.Approve(actor, version, time.GetUtcNow()));
        await SaveAsync(campaign, ct);
        return await ViewAfterChangeAsync(campaign, community, ct);
    }

    public async Task<CampaignView> RejectAsync(long id, int version, string? reason, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Manager, "reject campaigns", ct);
        var why = reason is null ? null : Shorten(reason, 1000);
        Transition(campaign, actor, "rejected", () => campaign.Reject(actor, version, why, time.GetUtcNow()), why);
        await SaveAsync(campaign, ct);
        return await ViewAfterChangeAsync(campaign, community, ct);
    }

    /// <summary>
    /// Starts the send of an approved campaign at <paramref name="at"/> (now by default): every recipient's message is
    /// rendered and written to the outbox, or marked skipped with the reason (opted out, no address, frequency cap),
    /// in one transaction with the state change. The dispatcher delivers them.
    /// </summary>
    public async Task<CampaignView> SendAsync(long id, DateTimeOffset? at, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Manager, "send campaigns", ct);
        var now = time.GetUtcNow();
        Transition(campaign, actor, "scheduled", () => campaign.Schedule(at, now), at is null ? null : $"for {at:O}");
        RequireChannelConfigured(campaign.Channel);

        var recipients = await db.CampaignRecipients.AsNoTracking()
            .Where(r => r.CampaignId == id && r.Group != GroupAssignment.Holdout).ToListAsync(ct);
        var memberIds = recipients.Select(r => r.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.CommunityId == community.Id && memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var capped = await RecentlyContactedAsync(community.Id, id, campaign.ScheduledFor ?? now, ct);
        var today = new CommunityCalendar(community.TimeZone).DayOf(now);
        var domain = options.Value.Email.From.Split('@').LastOrDefault() is { Length: > 0 } d ? d : "actionlytics.local";

        foreach (var recipient in recipients)
        {
            var member = members[recipient.MemberId];
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var variant = campaign.Variants.First(v => v.Name == recipient.Group);
            var (subject, body) = personalizer.Render(variant, community, member, recipient, today, UnsubscribeUrl(token));
            var skip = SkipReason(campaign.Channel, member, capped.Contains(member.Id));
            db.Outbox.Add(new OutboxMessage
            {
                CampaignId = id,
                CommunityId = community.Id,
                MemberId = member.Id,
                Variant = recipient.Group,
                Channel = campaign.Channel,
                Address = campaign.Channel == DeliveryChannel.Email ? member.Email ?? "" : member.ExternalId,
                DisplayName = member.DisplayName,
                Subject = subject,
                Body = body,
                MessageKey = $"actionlytics.c{id}.m{member.Id}@{domain}",
                UnsubscribeToken = token,
                Status = skip is null ? OutboxStatus.Pending : OutboxStatus.Skipped,
                SkipReason = skip,
                NextAttemptAt = campaign.ScheduledFor ?? now,
            });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(campaign, ct);
        await transaction.CommitAsync(ct);
        return await ViewAsync(campaign, community, ct);
    }

    /// <summary>A variant as <paramref name="memberId"/> (default: the first member of its group) would receive it.</summary>
    public async Task<MessagePreview> PreviewAsync(long id, string variant, string? memberId, string actor, CancellationToken ct)
    {
        var (campaign, community) = await LoadAsync(id, actor, CommunityRole.Viewer, "read campaigns", ct);
        var spec = campaign.Variants.FirstOrDefault(v => v.Name == variant)
            ?? throw new CampaignArgumentException($"Campaign {id} has no variant '{variant}': {string.Join(", ", campaign.Variants.Select(v => v.Name))}.");
        var query = db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == id);
        var recipient = memberId is null
            ? await query.Where(r => r.Group == variant).OrderBy(r => r.Id).FirstOrDefaultAsync(ct)
            : await query.FirstOrDefaultAsync(r => r.ExternalId == memberId, ct);
        if (recipient is null)
        {
            throw new CampaignArgumentException(memberId is null ? $"Variant {variant} has no members." : $"Member '{memberId}' is not in campaign {id}'s audience.");
        }
        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == recipient.MemberId, ct);
        var today = new CommunityCalendar(community.TimeZone).DayOf(time.GetUtcNow());
        var (subject, body) = personalizer.Render(spec, community, member, recipient, today, UnsubscribeUrl("preview"));
        return new MessagePreview(variant, recipient.ExternalId, spec.LanguageFor(member.Locale), subject, body);
    }

    /// <summary>The campaign and its community, after checking the caller's role there.</summary>
    internal async Task<(Campaign Campaign, Community Community)> LoadAsync(long id, string actor, CommunityRole role, string toDo, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new CampaignNotFoundException(id);
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == campaign.CommunityId, ct);
        await roles.RequireAsync(community.Id, community.Slug, actor, role, toDo, ct);
        return (campaign, community);
    }

    internal async Task<CampaignView> ViewAsync(Campaign campaign, Community community, CancellationToken ct)
    {
        var groups = await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .GroupBy(r => r.Group).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var delivery = await db.Outbox.AsNoTracking().Where(m => m.CampaignId == campaign.Id)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new CampaignView(
            campaign.Id, community.Slug, campaign.Name, CampaignViews.State(campaign.State), campaign.Version, campaign.ApprovedVersion,
            campaign.Segment, campaign.Profile, CampaignViews.Channel(campaign.Channel), campaign.GoalAction, campaign.GoalDays, campaign.AudienceSize,
            groups, campaign.HoldoutShare, campaign.BaselineRate, campaign.MinimumDetectableEffect,
            campaign.Variants.Select(v => new VariantView(v.Name, v.Need, v.Tone, v.PlaybookIds, v.Messages["en"].Subject, v.Messages["en"].Body,
                v.Messages.Keys.Order(StringComparer.Ordinal).ToList(), groups.GetValueOrDefault(v.Name))).ToList(),
            new DeliveryCounts(delivery.GetValueOrDefault(OutboxStatus.Pending), delivery.GetValueOrDefault(OutboxStatus.Sending),
                delivery.GetValueOrDefault(OutboxStatus.Sent), delivery.GetValueOrDefault(OutboxStatus.Skipped), delivery.GetValueOrDefault(OutboxStatus.Failed)),
            campaign.CreatedBy, campaign.CreatedAt, campaign.DecidedBy, campaign.DecidedAt, campaign.RejectionReason,
            campaign.ScheduledFor, campaign.SendStartedAt, campaign.SentAt, campaign.MeasuredUntil, campaign.PreviousWaveId);
    }

    /// <summary>Applies a state change and writes its audit line (with the version after the change).</summary>
    internal void Transition(Campaign campaign, string actor, string action, Action change, string? detail = null)
    {
        var from = campaign.State;
        change();
        Audit(campaign, actor, action, from, detail);
    }

    /// <summary>Members contacted (or about to be) by another campaign of the community within the frequency cap before <paramref name="sendAt"/>.</summary>
    internal async Task<HashSet<long>> RecentlyContactedAsync(int communityId, long exceptCampaign, DateTimeOffset sendAt, CancellationToken ct)
    {
        if (options.Value.FrequencyCapDays == 0)
        {
            return [];
        }
        var since = sendAt.AddDays(-options.Value.FrequencyCapDays);
        return (await db.Outbox.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.CampaignId != exceptCampaign
                && ((m.Status == OutboxStatus.Sent && m.SentAt >= since) || m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))
            .Select(m => m.MemberId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    internal static string? SkipReason(DeliveryChannel channel, Member member, bool recentlyContacted)
    {
        if ((member.OptedOutChannels & channel.OptOutFlag()) != 0)
        {
            return "opted_out";
        }
        if (channel == DeliveryChannel.Email && string.IsNullOrWhiteSpace(member.Email))
        {
            return "no_email_address";
        }
        return recentlyContacted ? "frequency_cap" : null;
    }

    private void RequireChannelConfigured(DeliveryChannel channel)
    {
        var message = channel switch
        {
            DeliveryChannel.Email when string.IsNullOrWhiteSpace(options.Value.Email.Host) =>
                "Email delivery is not configured: set Campaigns:Email:Host (and Port, From) to an SMTP server.",
            DeliveryChannel.Webhook when string.IsNullOrWhiteSpace(options.Value.Webhook.Url) =>
                "Webhook delivery is not configured: set Campaigns:Webhook:Url and Campaigns:Webhook:Secret.",
            DeliveryChannel.Teams =>
                "Teams delivery needs the Teams connector, which is not built yet: send this campaign by email or webhook.",
            _ => null,
        };
        if (message is not null)
        {
            throw new CampaignArgumentException(message);
        }
    }

    private string UnsubscribeUrl(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/u/{token}";

    private void Audit(Campaign campaign, string actor, string action, CampaignState? from, string? detail = null)
    {
        db.CampaignAudit.Add(new CampaignAuditEntry
        {
            CampaignId = campaign.Id,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            FromState = from,
            ToState = campaign.State,
            Version = campaign.Version,
            Detail = detail,
        });
    }

    private async Task SaveAsync(Campaign campaign, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // Another person or process changed the campaign (or queued its messages) at the same moment: nothing of this change was saved.
            db.ChangeTracker.Clear();
            throw new CampaignStateException($"Campaign {campaign.Id} changed while you were deciding: read it again and decide on its current version.");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>No campaign has that id.</summary>
public sealed class CampaignNotFoundException(long id) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.NotFound, $"There is no campaign {id}.");
