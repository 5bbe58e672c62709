using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceDeliveryFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Affiliate",
                table: "CaseStudies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchitectureDiagrams",
                table: "CaseStudies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferedOutside",
                table: "CaseStudies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServicesPath",
                table: "Applications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Affiliate",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ArchitectureDiagrams",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "OfferedOutside",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ServicesPath",
                table: "Applications");
        }
    }
}
