using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Web.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistinctFrom",
                table: "CaseStudies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Submitted",
                table: "CaseStudies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Applications",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerApnId",
                table: "Applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvidenceAnalyses",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnalyzerVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseExpires = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsCode = table.Column<bool>(type: "boolean", nullable: false),
                    Archive = table.Column<bool>(type: "boolean", nullable: false),
                    Findings = table.Column<string>(type: "text", nullable: true),
                    Problems = table.Column<string>(type: "text", nullable: true),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    Inventory = table.Column<string>(type: "text", nullable: true)
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
