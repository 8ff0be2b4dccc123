using Actionlytics.Core.Activity;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;
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
    }
}
