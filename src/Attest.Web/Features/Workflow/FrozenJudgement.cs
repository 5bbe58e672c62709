using System.Text.Json;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Site;
using Attest.Core.Workflow;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// A submitted version judged exactly as it was frozen: its application text, the findings and the site observation
/// stored with it, as of the office's date of its submission — never today's attachments or stored analyses.
/// <see cref="Frozen"/> is false for a version submitted before findings were frozen with versions: it is then judged on
/// its text alone, and the pages say so.
/// </summary>
public sealed record FrozenJudgement(Application Application, CaseStudyFindings Findings, SiteObservation? Site, ReadinessReport Report, bool Frozen)
{
    /// <summary>What is frozen with a submission: the findings by case study and the site observation readiness was judged on.</summary>
    public static SubmissionInput Input(EvaluatedApplication evaluated, IReadOnlyDictionary<string, string> evidenceHashes)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        return new SubmissionInput(evaluated.Report, evidenceHashes)
        {
            Findings = StoredAnalysis.WriteCaseStudyFindings(evaluated.Findings),
            SiteObservation = evaluated.Site is { } site ? SiteObservationJson.Write(site) : null,
        };
    }

    /// <summary>The judgement of <paramref name="version"/>; null when its text cannot be read against <paramref name="catalog"/>.</summary>
    public static FrozenJudgement? Of(SubmissionVersion version, Catalog catalog, OfficeClock clock)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(clock);
        if (ApplicationReader.Read(version.ApplicationText, $"version {version.Number}", [catalog]).Application is not { } application)
        {
            return null;
        }

        var findings = CaseStudyFindings.None;
        if (version.FindingsJson is { } json)
        {
            try
            {
                findings = StoredAnalysis.ReadCaseStudyFindings(json);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var site = version.SiteObservationJson is { } observed ? SiteObservationJson.Read(observed, $"version {version.Number}").Observation : null;
        var report = ReadinessEngine.Evaluate(application, catalog, clock.Day(version.SubmittedAt), findings, site);
        return new FrozenJudgement(application, findings, site, report, version.FindingsJson is not null);
    }
}
