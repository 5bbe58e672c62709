using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>
/// Each program a partner applies for, side by side: one row per application (one per checklist), with its readiness
/// today and where its checklist stands in its validity window. Shown where a partner has applications for more than one
/// checklist (partial view <c>_ProgramReadiness</c>).
/// </summary>
public static class ProgramReadiness
{
    /// <summary>
    /// One program's readiness. <paramref name="FromFileOf"/> is set on a program judged from the answers another
    /// application's file holds for it (<c>programs:</c>): the title of that application's own checklist.
    /// </summary>
    public sealed record Row(Guid ApplicationId, LocalizedString Checklist, string Version, bool Ready, int NotMet, int NeedsReview, int Met, ChecklistValidity? Validity, LocalizedString? FromFileOf = null);

    public static readonly LocalizedString Heading = new("Your programs side by side", "Vos programmes côte à côte");
    public static readonly LocalizedString Program = new("Program", "Programme");
    public static readonly LocalizedString Readiness = new("Readiness today", "Préparation aujourd'hui");
    public static readonly LocalizedString Window = new("Checklist", "Liste de contrôle");
    public static readonly LocalizedString ReadyText = new("ready", "prêt");
    public static readonly LocalizedString NotReadyText = new("not ready", "pas prêt");
    public static readonly Phrase Counts = new("{0} not met, {1} to review, {2} met", "{0} non respecté(s), {1} à examiner, {2} respecté(s)");
    public static readonly LocalizedString NoLongerAccepted = new(
        "AWS no longer accepts applications on this checklist.",
        "AWS n'accepte plus de candidatures sur cette liste de contrôle.");
    public static readonly Phrase FromFile = new(
        "answers kept in the file of your {0} application",
        "réponses conservées dans le fichier de votre candidature {0}");
    public static readonly LocalizedString Shared = new(
        "The case studies, evidence and facts are shared: each checklist asks only for what it adds.",
        "Les études de cas, preuves et faits sont partagés : chaque liste ne demande que ce qu'elle ajoute.");

    /// <summary>
    /// The rows for <paramref name="partnerId"/>'s applications, and for each program an application's file holds answers
    /// for (<c>programs:</c>, judged with that application's case studies and evidence); empty unless they cover at least
    /// two checklists.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> ForPartnerAsync(AttestDbContext db, ApplicationEvidence evidence, Catalogs catalogs, Guid partnerId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(catalogs);
        var ids = await db.Applications.AsNoTracking().Where(a => a.PartnerId == partnerId).Select(a => new { a.Id, a.ChecklistId, a.ProgramAnswers }).ToListAsync(cancellationToken);
        var programs = ids.SelectMany(a => (a.ProgramAnswers ?? []).Select(p => p.Checklist)).Where(c => catalogs.Find(c) is not null);
        if (ids.Select(a => a.ChecklistId).Concat(programs).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return [];
        }

        var rows = new List<Row>();
        foreach (var id in ids.OrderBy(a => a.ChecklistId, StringComparer.Ordinal))
        {
            if (catalogs.Find(id.ChecklistId) is not { } catalog || await ApplicationQueries.LoadAsync(db, id.Id, tracking: false, cancellationToken) is not { } record)
            {
                continue;
            }

            var report = (await evidence.EvaluateAsync(record, catalog, today, cancellationToken)).Report;
            rows.Add(new Row(record.Id, catalog.Title, catalog.Version, report.Ready, report.Count(ReadinessStatus.NotMet), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.Met), report.Validity));
            foreach (var program in (record.ProgramAnswers ?? []).Select(p => catalogs.Find(p.Checklist)).OfType<Attest.Core.Catalogs.Catalog>())
            {
                var projected = await evidence.EvaluateForAsync(record, program, today, cancellationToken);
                rows.Add(new Row(record.Id, program.Title, program.Version, projected.Ready, projected.Count(ReadinessStatus.NotMet), projected.Count(ReadinessStatus.NeedsReview), projected.Count(ReadinessStatus.Met), projected.Validity, catalog.Title));
            }
        }

        return rows;
    }
}
