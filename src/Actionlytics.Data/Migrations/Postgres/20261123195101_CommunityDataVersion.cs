using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Actionlytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "data_version",
                table: "communities",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "data_version",
                table: "communities");
        }
    }
}
