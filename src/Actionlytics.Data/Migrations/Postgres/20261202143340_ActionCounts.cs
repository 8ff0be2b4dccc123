using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActionCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_activity_events_community_id_day_action_member_id",
                table: "activity_events",
                columns: new[] { "community_id", "day", "action", "member_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activity_events_community_id_day_action_member_id",
                table: "activity_events");
        }
    }
}
