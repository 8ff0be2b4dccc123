using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamsConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teams_conversations",
                columns: table => new
                {
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    thread_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    service_url = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    reference_json = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams_conversations", x => new { x.conversation_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_teams_conversations_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_teams_conversations_community_id_user_id",
                table: "teams_conversations",
                columns: new[] { "community_id", "user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teams_conversations");
        }
    }
}
