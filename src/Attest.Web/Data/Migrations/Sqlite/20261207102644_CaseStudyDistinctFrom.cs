using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseStudyDistinctFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DistinctFrom",
                table: "CaseStudies",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DistinctFrom",
                table: "CaseStudies");
        }
    }
}
