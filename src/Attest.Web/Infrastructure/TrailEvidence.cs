using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Model;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Evidence read from the account rather than from code: CloudTrail logs (plain or gzipped JSON, streamed whatever their
/// size) gathered into one analysis per uploaded file or archive, so that the account-setup window is found across all
/// the logs given together.
/// </summary>
public sealed class TrailEvidence
{
    private readonly TrailAnalyzer analyzer = new(TrailOptions.Default);
    private int files;

    /// <summary>Whether any CloudTrail file was read.</summary>
    public bool Found => files > 0;

    /// <summary>Reads one log file (shape known) into the analysis, under the name <paramref name="file"/>.</summary>
    public void Read(Func<Stream> open, bool gzip, TrailShape shape, string file)
    {
        files++;
        analyzer.AddPath(file);
        TrailFile.Read(analyzer, open, gzip, shape, file);
    }

    /// <summary>The verdicts drawn from every log read, and the problems met (in English, as the scanner's other problems).</summary>
    public (IReadOnlyList<Attest.Core.Findings.EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems) Judge()
    {
        var report = analyzer.Finish();
        var problems = report.Problems.Select(p => new IacProblem(new FileLocation(p.File, 1, 1), p.Message.In(Language.En))).ToList();
        return (TrailRules.Judge(report), problems);
    }
}
