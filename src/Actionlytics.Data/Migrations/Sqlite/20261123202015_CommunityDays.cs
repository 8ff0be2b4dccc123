using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_days",
                columns: table => new
                {
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    events = table.Column<long>(type: "INTEGER", nullable: false),
                    logins = table.Column<long>(type: "INTEGER", nullable: false),
                    downloads = table.Column<long>(type: "INTEGER", nullable: false),
                    quiz_answers = table.Column<long>(type: "INTEGER", nullable: false),
                    badges_earned = table.Column<long>(type: "INTEGER", nullable: false),
                    video_views = table.Column<long>(type: "INTEGER", nullable: false),
                    contributions = table.Column<long>(type: "INTEGER", nullable: false),
                    other_actions = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_days", x => new { x.community_id, x.day });
                });

            // Existing stores: the day totals of what was imported before this table existed.
            migrationBuilder.Sql(
                """
                INSERT INTO community_days (community_id, day, events, logins, downloads, quiz_answers, badges_earned, video_views, contributions, other_actions)
                SELECT community_id, day, sum(events), sum(logins), sum(downloads), sum(quiz_answers), sum(badges_earned), sum(video_views), sum(contributions), sum(other_actions)
                FROM member_days GROUP BY community_id, day
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_days");
        }
    }
}
