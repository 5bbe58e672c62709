using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SiteCheckError",
                table: "Applications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SiteCheckStartedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SiteCheckedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteObservation",
                table: "Applications",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SiteCheckError",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SiteCheckStartedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SiteCheckedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SiteObservation",
                table: "Applications");
        }
    }
}
