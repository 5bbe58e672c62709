using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredAnalysesAndSubmissionFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseStudyAnswers",
                table: "SelfAssessment",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistinctFrom",
                table: "CaseStudies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Submitted",
                table: "CaseStudies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Applications",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerApnId",
                table: "Applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvidenceAnalyses",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnalyzerVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LeaseExpires = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    IsCode = table.Column<bool>(type: "INTEGER", nullable: false),
                    Archive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    Inventory = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceAnalyses", x => new { x.Sha256, x.AnalyzerVersion });
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAnalyses_State_AnalyzerVersion",
                table: "EvidenceAnalyses",
                columns: new[] { "State", "AnalyzerVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceAnalyses");

            migrationBuilder.DropColumn(
                name: "CaseStudyAnswers",
                table: "SelfAssessment");

            migrationBuilder.DropColumn(
                name: "DistinctFrom",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "Submitted",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PartnerApnId",
                table: "Applications");
        }
    }
}
