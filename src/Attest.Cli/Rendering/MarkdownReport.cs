using System.Text;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Cli.Rendering;

/// <summary>The Markdown form of a report, for a pull request, a wiki page or an e-mail.</summary>
internal static class MarkdownReport
{
    public static string Render(ReadinessReport report, Language language)
    {
        var md = new StringBuilder();
        var catalog = report.Catalog;
        md.Append("# ").Append(catalog.Title.In(language)).Append(" (").Append(catalog.Version).Append(")\n\n");
        md.Append(CliTexts.AsOf.With(report.Application.Partner.Name ?? CliTexts.UnnamedPartner.In(language), report.AsOf).In(language)).Append("\n\n");
        var summary = report.Ready
            ? CliTexts.Ready.With(report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.NotApplicable))
            : CliTexts.NotReady.With(report.Count(ReadinessStatus.NotMet), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NotApplicable));
        md.Append("**").Append(summary.In(language)).Append("**\n\n");
        if (report.ReadyUntil is { } until)
        {
            md.Append(CliTexts.ReadyUntil.With(until).In(language)).Append("\n\n");
        }

        if (report.Validity is { } validity && (validity.AcceptedUntil is not null || validity.Phase != ChecklistPhase.Current))
        {
            md.Append(CliTexts.ChecklistWindow.With(validity.Reason, validity.NextStep).In(language).TrimEnd()).Append("\n\n");
        }

        foreach (var section in catalog.Sections)
        {
            md.Append("## ").Append(section.Id).Append(' ').Append(section.Title.In(language)).Append("\n\n");
            md.Append("| ").Append(CliTexts.Item.In(language)).Append(" | ").Append(CliTexts.Status.In(language)).Append(" | ")
                .Append(CliTexts.Reason.In(language)).Append(" | ").Append(CliTexts.NextStep.In(language)).Append(" |\n|---|---|---|---|\n");
            foreach (var verdict in report.Items.Where(i => section.Items.Contains(i.Item)))
            {
                md.Append("| ").Append(verdict.Item.Id).Append(' ').Append(Cell(verdict.Item.Title.In(language)))
                    .Append(" | ").Append(ReadinessStatuses.Names.Display(verdict.Status).In(language))
                    .Append(" | ").Append(Cell(verdict.Reason.In(language)))
                    .Append(" | ").Append(Cell(verdict.NextStep?.In(language) ?? "")).Append(" |\n");
            }

            md.Append('\n');
        }

        if (report.Changes.Count > 0)
        {
            md.Append("## ").Append(CliTexts.Upcoming.In(language)).Append("\n\n| ").Append(CliTexts.Date.In(language)).Append(" | ")
                .Append(CliTexts.Item.In(language)).Append(" | ").Append(CliTexts.What.In(language)).Append(" |\n|---|---|---|\n");
            foreach (var change in report.Changes)
            {
                md.Append("| ").Append(change.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(" | ")
                    .Append(change.ItemId).Append(change.CaseStudyKey is null ? "" : " " + change.CaseStudyKey).Append(" | ")
                    .Append(Cell(change.What.In(language))).Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
