using System.Text.Json;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;
using Actionlytics.Data.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Store;

/// <summary>
/// The store's model, shared by every provider. Each provider has its own derived context so that it
/// keeps its own migrations (<see cref="SqliteActionlyticsDbContext"/>, <see cref="PostgresActionlyticsDbContext"/>).
/// Table and column names are spelled out because the bulk writers address them in SQL.
/// </summary>
public abstract class ActionlyticsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Community> Communities => Set<Community>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ActivityEvent> Events => Set<ActivityEvent>();

    public DbSet<MemberDay> MemberDays => Set<MemberDay>();

    public DbSet<CommunityDay> CommunityDays => Set<CommunityDay>();

    public DbSet<ChatThread> ChatThreads => Set<ChatThread>();

    public DbSet<ChatMessageRecord> ChatMessages => Set<ChatMessageRecord>();

    public DbSet<StoredArtifact> Artifacts => Set<StoredArtifact>();

    public DbSet<SavedSegment> SavedSegments => Set<SavedSegment>();

    public DbSet<CommunityMembership> CommunityMemberships => Set<CommunityMembership>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();

    public DbSet<CampaignAuditEntry> CampaignAudit => Set<CampaignAuditEntry>();

    public DbSet<Teams.TeamsConversation> TeamsConversations => Set<Teams.TeamsConversation>();

    public DbSet<Teams.TeamsCard> TeamsCards => Set<Teams.TeamsCard>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Community>(community =>
        {
            community.ToTable("communities");
            community.HasKey(c => c.Id);
            community.Property(c => c.Id).HasColumnName("id");
            community.Property(c => c.Slug).HasColumnName("slug").HasMaxLength(64);
            community.Property(c => c.Name).HasColumnName("name").HasMaxLength(200);
            community.Property(c => c.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
            community.Property(c => c.InactivityThresholdDays).HasColumnName("inactivity_threshold_days");
            community.Property(c => c.CreatedAt).HasColumnName("created_at");
            community.Property(c => c.DataVersion).HasColumnName("data_version");
            community.HasIndex(c => c.Slug).IsUnique();
        });

        modelBuilder.Entity<Member>(member =>
        {
            member.ToTable("members");
            member.HasKey(m => m.Id);
            member.Property(m => m.Id).HasColumnName("id");
            member.Property(m => m.CommunityId).HasColumnName("community_id");
            member.Property(m => m.ExternalId).HasColumnName("external_id");
            member.Property(m => m.DisplayName).HasColumnName("display_name");
            member.Property(m => m.Email).HasColumnName("email");
            member.Property(m => m.Locale).HasColumnName("locale");
            member.Property(m => m.JoinedAt).HasColumnName("joined_at");
            member.Property(m => m.AttributesJson).HasColumnName("attributes");
            member.Property(m => m.OptedOutChannels).HasColumnName("opted_out_channels");
            member.HasIndex(m => new { m.CommunityId, m.ExternalId }).IsUnique();
            member.HasOne<Community>().WithMany().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ActivityEvent>(activity =>
        {
            activity.ToTable("activity_events");
            activity.HasKey(e => e.Id);
            activity.Property(e => e.Id).HasColumnName("id");
            activity.Property(e => e.CommunityId).HasColumnName("community_id");
            activity.Property(e => e.EventKey).HasColumnName("event_key");
            activity.Property(e => e.MemberId).HasColumnName("member_id");
            activity.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            activity.Property(e => e.Day).HasColumnName("day");
            activity.Property(e => e.Action).HasColumnName("action");
            activity.Property(e => e.ContentId).HasColumnName("content_id");
            activity.Property(e => e.Channel).HasColumnName("channel");
            activity.Property(e => e.MetadataJson).HasColumnName("metadata");
            activity.HasIndex(e => new { e.CommunityId, e.EventKey }).IsUnique();
            // Covers the counts of actions by name over a window (CommunityActions) without reading the rows.
            activity.HasIndex(e => new { e.CommunityId, e.Day, e.Action, e.MemberId });
            activity.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Cascade);
            // The member key is checked by the importer, which resolves every member before it writes an event;
            // a database constraint would cost an index probe per row on the hot path for nothing.
        });

        modelBuilder.Entity<CommunityDay>(day =>
        {
            day.ToTable("community_days");
            day.HasKey(d => new { d.CommunityId, d.Day });
            day.Property(d => d.CommunityId).HasColumnName("community_id");
            day.Property(d => d.Day).HasColumnName("day");
            day.Property(d => d.Events).HasColumnName("events");
            day.Property(d => d.Logins).HasColumnName("logins");
            day.Property(d => d.Downloads).HasColumnName("downloads");
            day.Property(d => d.QuizAnswers).HasColumnName("quiz_answers");
            day.Property(d => d.BadgesEarned).HasColumnName("badges_earned");
            day.Property(d => d.VideoViews).HasColumnName("video_views");
            day.Property(d => d.Contributions).HasColumnName("contributions");
            day.Property(d => d.OtherActions).HasColumnName("other_actions");
        });

        modelBuilder.Entity<MemberDay>(day =>
        {
            day.ToTable("member_days");
            // Day first: windows of days are ranges, and imports of time-ordered exports append at the end.
            // On SQLite the table is clustered on this key (WITHOUT ROWID, see the migration): one B-tree per row, not two.
            day.HasKey(d => new { d.CommunityId, d.Day, d.MemberId });
            day.Property(d => d.CommunityId).HasColumnName("community_id");
            day.Property(d => d.Day).HasColumnName("day");
            day.Property(d => d.MemberId).HasColumnName("member_id");
            day.Property(d => d.Events).HasColumnName("events");
            day.Property(d => d.Logins).HasColumnName("logins");
            day.Property(d => d.Downloads).HasColumnName("downloads");
            day.Property(d => d.QuizAnswers).HasColumnName("quiz_answers");
            day.Property(d => d.BadgesEarned).HasColumnName("badges_earned");
            day.Property(d => d.VideoViews).HasColumnName("video_views");
            day.Property(d => d.Contributions).HasColumnName("contributions");
            day.Property(d => d.OtherActions).HasColumnName("other_actions");
        });

        modelBuilder.Entity<ChatThread>(thread =>
        {
            thread.ToTable("chat_threads");
            thread.HasKey(t => t.Id);
            thread.Property(t => t.Id).HasColumnName("id").HasMaxLength(40);
            thread.Property(t => t.CommunityId).HasColumnName("community_id");
            thread.Property(t => t.UserId).HasColumnName("user_id").HasMaxLength(200);
            thread.Property(t => t.Title).HasColumnName("title").HasMaxLength(200);
            thread.Property(t => t.CreatedAt).HasColumnName("created_at");
            thread.Property(t => t.UpdatedAt).HasColumnName("updated_at");
            thread.HasIndex(t => new { t.CommunityId, t.UserId, t.UpdatedAt });
            thread.HasOne<Community>().WithMany().HasForeignKey(t => t.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChatMessageRecord>(message =>
        {
            message.ToTable("chat_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.ThreadId).HasColumnName("thread_id").HasMaxLength(40);
            message.Property(m => m.Sequence).HasColumnName("sequence");
            message.Property(m => m.Role).HasColumnName("role").HasMaxLength(20);
            message.Property(m => m.ContentJson).HasColumnName("content");
            message.Property(m => m.CreatedAt).HasColumnName("created_at");
            message.HasIndex(m => new { m.ThreadId, m.Sequence }).IsUnique();
            message.HasOne<ChatThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredArtifact>(artifact =>
        {
            artifact.ToTable("artifacts");
            artifact.HasKey(a => a.Id);
            artifact.Property(a => a.Id).HasColumnName("id").HasMaxLength(40);
            artifact.Property(a => a.CommunityId).HasColumnName("community_id");
            artifact.Property(a => a.Title).HasColumnName("title").HasMaxLength(200);
            artifact.Property(a => a.FileName).HasColumnName("file_name").HasMaxLength(200);
            artifact.Property(a => a.MediaType).HasColumnName("media_type").HasMaxLength(100);
            artifact.Property(a => a.Content).HasColumnName("content");
            artifact.Property(a => a.CreatedAt).HasColumnName("created_at");
            artifact.HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SavedSegment>(segment =>
        {
            segment.ToTable("saved_segments");
            segment.HasKey(s => s.Id);
            segment.Property(s => s.Id).HasColumnName("id");
            segment.Property(s => s.CommunityId).HasColumnName("community_id");
            segment.Property(s => s.Name).HasColumnName("name").HasMaxLength(64);
            segment.Property(s => s.Definition).HasColumnName("definition").HasMaxLength(500);
            segment.Property(s => s.MemberIdsJson).HasColumnName("member_ids");
            segment.Property(s => s.MemberCount).HasColumnName("member_count");
            segment.Property(s => s.InactiveAfterDays).HasColumnName("inactive_after_days");
            segment.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
            segment.Property(s => s.CreatedAt).HasColumnName("created_at");
            segment.HasIndex(s => new { s.CommunityId, s.Name }).IsUnique();
            segment.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommunityMembership>(membership =>
        {
            membership.ToTable("community_memberships");
            membership.HasKey(m => new { m.CommunityId, m.UserId });
            membership.Property(m => m.CommunityId).HasColumnName("community_id");
            membership.Property(m => m.UserId).HasColumnName("user_id").HasMaxLength(200);
            membership.Property(m => m.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(20);
            membership.HasOne<Community>().WithMany().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Teams.TeamsConversation>(conversation =>
        {
            conversation.ToTable("teams_conversations");
            conversation.HasKey(c => new { c.ConversationId, c.UserId });
            conversation.Property(c => c.ConversationId).HasColumnName("conversation_id").HasMaxLength(400);
            conversation.Property(c => c.UserId).HasColumnName("user_id").HasMaxLength(200);
            conversation.Property(c => c.CommunityId).HasColumnName("community_id");
            conversation.Property(c => c.ThreadId).HasColumnName("thread_id").HasMaxLength(64);
            conversation.Property(c => c.ServiceUrl).HasColumnName("service_url").HasMaxLength(400);
            conversation.Property(c => c.ReferenceJson).HasColumnName("reference_json");
            conversation.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            conversation.HasIndex(c => new { c.CommunityId, c.UserId });
            conversation.HasOne<Community>().WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Teams.TeamsCard>(card =>
        {
            card.ToTable("teams_cards");
            card.HasKey(c => c.Id);
            card.Property(c => c.Id).HasColumnName("id");
            card.Property(c => c.CampaignId).HasColumnName("campaign_id");
            card.Property(c => c.ConversationId).HasColumnName("conversation_id").HasMaxLength(400);
            card.Property(c => c.ServiceUrl).HasColumnName("service_url").HasMaxLength(400);
            card.Property(c => c.ChannelId).HasColumnName("channel_id").HasMaxLength(64);
            card.Property(c => c.ActivityId).HasColumnName("activity_id").HasMaxLength(400);
            card.Property(c => c.SentAt).HasColumnName("sent_at");
            card.HasIndex(c => c.CampaignId);
            card.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Campaign>(campaign =>
        {
            campaign.ToTable("campaigns");
            campaign.HasKey(c => c.Id);
            campaign.Property(c => c.Id).HasColumnName("id");
            campaign.Property(c => c.CommunityId).HasColumnName("community_id");
            campaign.Property(c => c.Name).HasColumnName("name").HasMaxLength(200);
            campaign.Property(c => c.Segment).HasColumnName("segment").HasMaxLength(64);
            campaign.Property(c => c.Profile).HasColumnName("profile").HasMaxLength(64);
            campaign.Property(c => c.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
            campaign.Property(c => c.GoalAction).HasColumnName("goal_action").HasMaxLength(64);
            campaign.Property(c => c.GoalDays).HasColumnName("goal_days");
            campaign.Property(c => c.HoldoutShare).HasColumnName("holdout_share");
            campaign.Property(c => c.Seed).HasColumnName("seed");
            campaign.Property(c => c.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            campaign.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();
            // The variants are one document that changes as a whole with each version.
            campaign.Property(c => c.Variants).HasColumnName("variants").HasConversion(
                variants => JsonSerializer.Serialize(variants, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<CampaignVariantSpec>>(json, JsonSerializerOptions.Web) ?? new List<CampaignVariantSpec>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<CampaignVariantSpec>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    v => v.ToList()));
            campaign.Property(c => c.AudienceSize).HasColumnName("audience_size");
            campaign.Property(c => c.BaselineRate).HasColumnName("baseline_rate");
            campaign.Property(c => c.MinimumDetectableEffect).HasColumnName("minimum_detectable_effect");
            campaign.Property(c => c.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
            campaign.Property(c => c.CreatedAt).HasColumnName("created_at");
            // Every transition sets UpdatedAt: as a concurrency token it makes two transitions racing on one campaign
            // (an edit and a send, an approval and a rejection) fail one of them instead of both succeeding.
            campaign.Property(c => c.UpdatedAt).HasColumnName("updated_at").IsConcurrencyToken();
            campaign.Property(c => c.DecidedBy).HasColumnName("decided_by").HasMaxLength(200);
            campaign.Property(c => c.DecidedAt).HasColumnName("decided_at");
            campaign.Property(c => c.ApprovedVersion).HasColumnName("approved_version");
            campaign.Property(c => c.RejectionReason).HasColumnName("rejection_reason").HasMaxLength(1000);
            campaign.Property(c => c.ScheduledFor).HasColumnName("scheduled_for");
            campaign.Property(c => c.SendStartedAt).HasColumnName("send_started_at");
            campaign.Property(c => c.SentAt).HasColumnName("sent_at");
            campaign.Property(c => c.ConcludedAt).HasColumnName("concluded_at");
            campaign.Property(c => c.PreviousWaveId).HasColumnName("previous_wave_id");
            campaign.Ignore(c => c.IsApprovedAsIs);
            campaign.Ignore(c => c.MeasuredUntil);
            campaign.HasIndex(c => new { c.CommunityId, c.State });
            campaign.HasOne<Community>().WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CampaignRecipient>(recipient =>
        {
            recipient.ToTable("campaign_recipients");
            recipient.HasKey(r => r.Id);
            recipient.Property(r => r.Id).HasColumnName("id");
            recipient.Property(r => r.CampaignId).HasColumnName("campaign_id");
            recipient.Property(r => r.MemberId).HasColumnName("member_id");
            recipient.Property(r => r.ExternalId).HasColumnName("external_id");
            recipient.Property(r => r.Group).HasColumnName("group_name").HasMaxLength(20);
            recipient.Property(r => r.Profile).HasColumnName("profile").HasMaxLength(64);
            recipient.Property(r => r.Score).HasColumnName("score");
            recipient.Property(r => r.LastActiveDate).HasColumnName("last_active_date");
            recipient.Property(r => r.LifetimeActiveDays).HasColumnName("lifetime_active_days");
            recipient.HasIndex(r => new { r.CampaignId, r.MemberId }).IsUnique();
            recipient.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CampaignAuditEntry>(entry =>
        {
            entry.ToTable("campaign_audit");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id");
            entry.Property(e => e.CampaignId).HasColumnName("campaign_id");
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(200);
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(40);
            entry.Property(e => e.FromState).HasColumnName("from_state").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.ToState).HasColumnName("to_state").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Version).HasColumnName("version");
            entry.Property(e => e.Detail).HasColumnName("detail").HasMaxLength(2000);
            entry.HasIndex(e => e.CampaignId);
            entry.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.CampaignId).HasColumnName("campaign_id");
            message.Property(m => m.CommunityId).HasColumnName("community_id");
            message.Property(m => m.MemberId).HasColumnName("member_id");
            message.Property(m => m.Variant).HasColumnName("variant").HasMaxLength(20);
            message.Property(m => m.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Address).HasColumnName("address").HasMaxLength(320);
            message.Property(m => m.DisplayName).HasColumnName("display_name");
            message.Property(m => m.Subject).HasColumnName("subject");
            message.Property(m => m.Body).HasColumnName("body");
            message.Property(m => m.MessageKey).HasColumnName("message_key").HasMaxLength(200);
            message.Property(m => m.UnsubscribeToken).HasColumnName("unsubscribe_token").HasMaxLength(64);
            message.Property(m => m.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.SkipReason).HasColumnName("skip_reason").HasMaxLength(200);
            message.Property(m => m.Attempts).HasColumnName("attempts");
            message.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            message.Property(m => m.ClaimedUntil).HasColumnName("claimed_until");
            message.Property(m => m.SentAt).HasColumnName("sent_at");
            message.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(1000);
            // One message per member per campaign, whatever happens: the database enforces it.
            message.HasIndex(m => new { m.CampaignId, m.MemberId }).IsUnique();
            message.HasIndex(m => m.MessageKey).IsUnique();
            message.HasIndex(m => m.UnsubscribeToken).IsUnique();
            message.HasIndex(m => new { m.Status, m.NextAttemptAt });
            message.HasIndex(m => new { m.CommunityId, m.MemberId, m.SentAt });
            message.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
