using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    inactivity_threshold_days = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.id);
                });

            // Hand-written: clustered on its key (WITHOUT ROWID), so each member-day is one B-tree entry instead of
            // a row plus a key index. EF Core has no fluent switch for it; the model snapshot is otherwise unchanged.
            migrationBuilder.Sql(
                """
                CREATE TABLE member_days (
                    community_id INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    member_id INTEGER NOT NULL,
                    events INTEGER NOT NULL,
                    logins INTEGER NOT NULL,
                    downloads INTEGER NOT NULL,
                    quiz_answers INTEGER NOT NULL,
                    badges_earned INTEGER NOT NULL,
                    video_views INTEGER NOT NULL,
                    contributions INTEGER NOT NULL,
                    other_actions INTEGER NOT NULL,
                    CONSTRAINT PK_member_days PRIMARY KEY (community_id, day, member_id)
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "activity_events",
                columns: table => new
                {
                    // Hand-edited: a plain rowid key, without AUTOINCREMENT, which would update sqlite_sequence on every
                    // one of millions of inserts only to avoid reusing the ids of deleted events, which nothing refers to.
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    event_key = table.Column<string>(type: "TEXT", nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    content_id = table.Column<string>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_activity_events_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    locale = table.Column<string>(type: "TEXT", nullable: true),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: true),
                    attributes = table.Column<string>(type: "TEXT", nullable: true),
                    opted_out_channels = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_members_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_events_community_id_event_key",
                table: "activity_events",
                columns: new[] { "community_id", "event_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_communities_slug",
                table: "communities",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_members_community_id_external_id",
                table: "members",
                columns: new[] { "community_id", "external_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_events");

            migrationBuilder.DropTable(
                name: "member_days");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "communities");
        }
    }
}
