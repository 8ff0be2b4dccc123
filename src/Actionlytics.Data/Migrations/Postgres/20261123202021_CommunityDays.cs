using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Postgres
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
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    logins = table.Column<long>(type: "bigint", nullable: false),
                    downloads = table.Column<long>(type: "bigint", nullable: false),
                    quiz_answers = table.Column<long>(type: "bigint", nullable: false),
                    badges_earned = table.Column<long>(type: "bigint", nullable: false),
                    video_views = table.Column<long>(type: "bigint", nullable: false),
                    contributions = table.Column<long>(type: "bigint", nullable: false),
                    other_actions = table.Column<long>(type: "bigint", nullable: false)
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
