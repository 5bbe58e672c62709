using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Web.Features.Readiness;

/// <summary>A column of the matrix: the item as a whole (for partner-level items, the partner) or one case study.</summary>
/// <param name="Key">The case study's key; null for the item column.</param>
/// <param name="Name">What the column is called: the customer's name, or the key when the customer is not stated.</param>
public sealed record MatrixColumn(string? Key, string Name);

/// <summary>One cell: an item's verdict for one column, with everything that explains it.</summary>
public sealed record MatrixCell
{
    /// <summary>The verdict; null when the item is not judged on this column (a partner-level item under a case study).</summary>
    public ReadinessStatus? Status { get; init; }

    /// <summary>Why.</summary>
    public Message? Reason { get; init; }

    /// <summary>What to do, when there is something to do.</summary>
    public Message? NextStep { get; init; }

    /// <summary>Remarks beside the verdict.</summary>
    public IReadOnlyList<Message> Notes { get; init; } = [];

    /// <summary>Analyzer findings that are evidence for the item in this column.</summary>
    public IReadOnlyList<EvidenceFinding> Findings { get; init; } = [];

    /// <summary>The evidence the column's case study cites.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The day time alone changes this verdict, if any.</summary>
    public DateOnly? ChangesOn { get; init; }

    /// <summary>What happens on <see cref="ChangesOn"/>.</summary>
    public Message? Change { get; init; }

    /// <summary>True for the item's own cell: its findings come from files attached to the item without a case study.</summary>
    public bool ItemLevel { get; init; }

    /// <summary>True when the cell has a verdict.</summary>
    public bool Judged => Status is not null;
}

/// <summary>An item's row: its verdict as a whole, then one cell per case study.</summary>
public sealed record MatrixRow(ItemVerdict Verdict, MatrixCell Item, IReadOnlyList<MatrixCell> CaseStudies)
{
    /// <summary>True for items judged on the partner as a whole.</summary>
    public bool PartnerLevel => Verdict.Item.AppliesTo == Applicability.Partner;
}

/// <summary>A section of the checklist and its rows.</summary>
public sealed record MatrixSection(CatalogSection Section, IReadOnlyList<MatrixRow> Rows);

/// <summary>A part of the checklist (prerequisites, validation) and its sections.</summary>
public sealed record MatrixPart(ChecklistPart Part, LocalizedString Title, IReadOnlyList<MatrixSection> Sections);

/// <summary>
/// A readiness report as one table: the checklist's items down, grouped by the catalog's parts and sections, the case
/// studies across (named by customer), the item as a whole first. Generic over any catalog.
/// </summary>
public sealed record ReadinessMatrix(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixPart> Parts)
{
    /// <summary>Every row, in checklist order.</summary>
    public IEnumerable<MatrixRow> Rows => Parts.SelectMany(p => p.Sections).SelectMany(s => s.Rows);

    /// <summary>
    /// The matrix of <paramref name="report"/>; <paramref name="findings"/> adds the analyzers' findings per case study and
    /// <paramref name="itemFindings"/> those of files attached to an item. <paramref name="include"/> keeps some items only.
    /// Texts are worded for pages (<see cref="Message.OnPage"/>): for the partner, or, when <paramref name="partnerReads"/>
    /// is false, for the auditor, the program office or the partner manager.
    /// </summary>
    public static ReadinessMatrix Build(
        ReadinessReport report,
        CaseStudyFindings? findings = null,
        IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>>? itemFindings = null,
        Func<ChecklistItem, bool>? include = null,
        bool partnerReads = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        Message? Page(Message? message) => message?.OnPage(partnerReads);
        var studies = report.Application.CaseStudies;
        var columns = studies.Select(c => new MatrixColumn(c.Key, string.IsNullOrWhiteSpace(c.Customer) ? c.Key : c.Customer!)).ToList();
        var verdicts = report.Items.ToDictionary(v => v.Item.Id, StringComparer.Ordinal);
        var parts = new List<MatrixPart>();
        foreach (var group in report.Catalog.Sections.GroupBy(s => s.Part))
        {
            var sections = new List<MatrixSection>();
            foreach (var section in group)
            {
                var rows = new List<MatrixRow>();
                foreach (var item in section.Items.Where(i => include?.Invoke(i) ?? true))
                {
                    if (!verdicts.TryGetValue(item.Id, out var verdict))
                    {
                        continue;
                    }

                    var whole = new MatrixCell
                    {
                        ItemLevel = true,
                        Status = verdict.Status,
                        Reason = Page(verdict.Reason),
                        NextStep = Page(verdict.NextStep),
                        Notes = [.. verdict.Notes.Select(n => n.OnPage(partnerReads))],
                        Findings = itemFindings is not null && itemFindings.TryGetValue(item.Id, out var attached) ? attached : [],
                        ChangesOn = verdict.ChangesOn,
                        Change = Page(verdict.Change),
                    };
                    var cells = studies.Select(study =>
                    {
                        var forCase = verdict.CaseStudies.FirstOrDefault(c => c.Key == study.Key);
                        return forCase is null
                            ? new MatrixCell()
                            : new MatrixCell
                            {
                                Status = forCase.Status,
                                Reason = Page(forCase.Reason),
                                NextStep = Page(forCase.NextStep),
                                Findings = findings?.For(study.Key, item) ?? [],
                                Evidence = study.Evidence ?? [],
                                ChangesOn = forCase.ChangesOn,
                                Change = Page(forCase.Change),
                            };
                    }).ToList();
                    rows.Add(new MatrixRow(verdict, whole, cells));
                }

                if (rows.Count > 0)
                {
                    sections.Add(new MatrixSection(section, rows));
                }
            }

            if (sections.Count > 0)
            {
                parts.Add(new MatrixPart(group.Key, CatalogReader.ChecklistParts.Display(group.Key), sections));
            }
        }

        return new ReadinessMatrix(columns, parts);
    }

    /// <summary>The symbol beside a status's word (colour is never the only sign).</summary>
    public static string Symbol(ReadinessStatus status) => status switch
    {
        ReadinessStatus.Met => "✓",
        ReadinessStatus.NotMet => "✗",
        ReadinessStatus.NeedsReview => "?",
        _ => "–",
    };
}

/// <summary>What the matrix partial shows: the matrix, and where a case study's column heading links to (its form), if anywhere.</summary>
public sealed record MatrixView(ReadinessMatrix Matrix, Func<string, string?>? CaseStudyLink = null);
