using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadinessRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReadinessRevision",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadinessRevision",
                table: "Applications");
        }
    }
}
