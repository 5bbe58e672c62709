using System.Text;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Cli.Rendering;

/// <summary>The terminal form of a report: not-met items and their next steps first, then every item by section.</summary>
internal sealed class TextReport(Language language, bool color)
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";

    private readonly StringBuilder output = new();

    public string Render(ReadinessReport report)
    {
        var catalog = report.Catalog;
        Line($"{Paint(Bold, catalog.Title.In(language))} ({catalog.Version})");
        Line(CliTexts.AsOf.With(report.Application.Partner.Name ?? CliTexts.UnnamedPartner.In(language), report.AsOf).In(language));
        Line();
        var summary = report.Ready
            ? Paint(Bold + Green, CliTexts.Ready.With(report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.NotApplicable)).In(language))
            : Paint(Bold + Red, CliTexts.NotReady.With(report.Count(ReadinessStatus.NotMet), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NotApplicable)).In(language));
        Line(summary);
        if (report.ReadyUntil is { } until)
        {
            Line(CliTexts.ReadyUntil.With(until).In(language));
        }

        // Only a checklist with a window says so: one without an end date reads as before
        if (report.Validity is { } validity && (validity.AcceptedUntil is not null || validity.Phase != ChecklistPhase.Current))
        {
            Line(CliTexts.ChecklistWindow.With(validity.Reason, validity.NextStep).In(language).TrimEnd());
        }

        var notMet = report.NotMet.ToArray();
        if (notMet.Length > 0)
        {
            Line();
            Line(Paint(Bold, CliTexts.FirstThings.In(language)));
            foreach (var verdict in notMet)
            {
                WriteItem(verdict, detailed: true);
            }
        }

        foreach (var part in Enum.GetValues<ChecklistPart>())
        {
            var sections = catalog.Sections.Where(s => s.Part == part).ToArray();
            if (sections.Length == 0)
            {
                continue;
            }

            Line();
            Line(Paint(Bold, CatalogReader.ChecklistParts.Display(part).In(language)));
            foreach (var section in sections)
            {
                Line($" {Paint(Cyan, section.Number)} {section.Title.In(language)}");
                foreach (var verdict in report.Items.Where(i => section.Items.Contains(i.Item)))
                {
                    WriteItem(verdict, detailed: verdict.Status != ReadinessStatus.NotMet);
                }
            }
        }

        if (report.Changes.Count > 0)
        {
            Line();
            Line(Paint(Bold, CliTexts.Upcoming.In(language)));
            foreach (var change in report.Changes)
            {
                var who = change.CaseStudyKey is null ? change.ItemId : $"{change.ItemId} {change.CaseStudyKey}";
                Line($"  {change.Date:yyyy-MM-dd}  {who}: {change.What.In(language)}");
            }
        }

        return output.ToString();
    }

    private void WriteItem(ItemVerdict verdict, bool detailed)
    {
        var (mark, paint) = Mark(verdict.Status);
        Line($"  {Paint(paint, mark)} {Paint(Bold, verdict.Item.Id)} {verdict.Item.Title.In(language)} {Paint(Dim, "[" + ReadinessStatuses.Names.Display(verdict.Status).In(language) + "]")}");
        if (!detailed)
        {
            return;
        }

        Line($"      {verdict.Reason.In(language)}");
        if (verdict.NextStep is { } next)
        {
            Line($"      {Paint(Yellow, "→")} {next.In(language)}");
        }

        foreach (var c in verdict.CaseStudies.Where(c => c.Status != ReadinessStatus.NotApplicable || verdict.Status == ReadinessStatus.NotApplicable))
        {
            var (caseMark, casePaint) = Mark(c.Status);
            Line($"      {Paint(casePaint, caseMark)} {c.Key}: {c.Reason.In(language)}");
        }

        foreach (var note in verdict.Notes)
        {
            Line(Paint(Dim, $"      · {note.In(language)}"));
        }
    }

    private static (string Mark, string Paint) Mark(ReadinessStatus status) => status switch
    {
        ReadinessStatus.Met => ("✓", Green),
        ReadinessStatus.NotMet => ("✗", Red),
        ReadinessStatus.NeedsReview => ("?", Yellow),
        _ => ("–", Dim),
    };

    private string Paint(string code, string text) => color ? code + text + Reset : text;

    private void Line(string text = "") => output.Append(text).Append('\n');
}
