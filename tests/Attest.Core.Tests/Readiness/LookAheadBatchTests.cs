using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// The look-ahead as optimised (a day on which no case study enters or leaves the window reuses the case-study pool and
/// judges only the rules that read the date) against the plain one: on each day something is due to change, every item
/// evaluated afresh, the first day with an item not met ending the run. Over the applications of the readiness benchmark's
/// batch (the two examples shifted in time and trimmed: 1,200 distinct applications among its 10,000) and the varied ones of
/// <see cref="LookAheadTests"/>, on several as-of days.
/// </summary>
public class LookAheadBatchTests
{
    private static readonly DateOnly[] Days = [TestData.AsOf.AddDays(-150), TestData.AsOf, TestData.AsOf.AddDays(45)];

    [Fact]
    public void Ready_until_is_what_evaluating_every_item_on_each_change_day_gives()
    {
        var catalog = TestData.Retail;
        var applications = Batch(catalog).Concat(Enumerable.Range(1, 200).Select(seed => LookAheadTests.Varied(new Random(seed)))).ToArray();
        var (ready, ended) = (0, 0);
        foreach (var asOf in Days)
        {
            foreach (var application in applications)
            {
                var report = ReadinessEngine.Evaluate(application, catalog, asOf);
                var expected = report.Ready ? PlainReadyUntil(application, catalog, asOf, report) : null;
                Assert.True(expected == report.ReadyUntil, $"as of {asOf}, {application.Partner.Name} with {string.Join(", ", application.CaseStudies.Select(c => $"{c.Key} {c.Completed}"))}: ready until {report.ReadyUntil}, the plain look-ahead says {expected}");
                ready += report.Ready ? 1 : 0;
                ended += report.ReadyUntil is not null ? 1 : 0;
            }
        }

        // Enough of them ready, and ending, to mean something (most of the benchmark's batch is not ready: shifted back,
        // Contoso's recovery test comes after its completion)
        Assert.True(ready >= 100 && ended >= 100, $"{ready} ready, {ended} with a ready-until date");
    }

    /// <summary>
    /// The whole reports (every verdict, message, fact, change and ready-until date, in both languages) of the same
    /// applications and days, as the engine gave them before it was optimised for issue 16 §3 (commit d447676): a digest
    /// of their JSON. A deliberate change of verdicts or wording changes it too; then check that the change is the one
    /// intended, and take the new digest the failure gives.
    /// </summary>
    [Fact]
    public void The_reports_are_those_of_the_engine_before_its_optimisation()
    {
        const string Expected = "18FBB3F0F9C232A3B10AFBAA1D0B64BE5CE19FFBCD3134B1D4CA14D282F5583D";
        var catalog = TestData.Retail;
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var asOf in Days)
        {
            foreach (var application in Batch(catalog).Concat(Enumerable.Range(1, 200).Select(seed => LookAheadTests.Varied(new Random(seed)))))
            {
                var report = ReadinessEngine.Evaluate(application, catalog, asOf);
                digest.AppendData(System.Text.Encoding.UTF8.GetBytes(ReadinessJson.Render(report, Text.Language.En)));
                digest.AppendData(System.Text.Encoding.UTF8.GetBytes(ReadinessJson.Render(report, Text.Language.Fr)));
            }
        }

        var actual = Convert.ToHexString(digest.GetHashAndReset());
        Assert.True(actual == Expected, $"the reports' digest is now {actual}");
    }

    // The look-ahead as first written: each day a change is due, a new evaluation of every item
    private static DateOnly? PlainReadyUntil(Application application, Catalog catalog, DateOnly asOf, ReadinessReport report)
    {
        var acceptedUntil = report.Validity?.AcceptedUntil;
        foreach (var day in report.Changes.Select(c => c.Date).Distinct())
        {
            if (acceptedUntil is { } until && day > until)
            {
                break;
            }

            if (ReadinessEngine.EvaluateItems(application, catalog, day).Any(i => i.Status == ReadinessStatus.NotMet))
            {
                return day.AddDays(-1);
            }
        }

        return acceptedUntil is { } last && last >= asOf ? last : null;
    }

    // The distinct applications of ReadinessBenchmarks' batch (it repeats every 1,200: source by i % 3, trim by i % 2, shift by i % 400)
    private static IEnumerable<Application> Batch(Catalog catalog)
    {
        var ready = ApplicationReader.Read(TestData.ReadRepositoryFile("examples", "ready.yaml"), "ready.yaml", [catalog]).Application!;
        var notReady = ApplicationReader.Read(TestData.ReadRepositoryFile("examples", "not-ready.yaml"), "not-ready.yaml", [catalog]).Application!;
        for (var i = 0; i < 1200; i++)
        {
            var source = i % 3 == 0 ? notReady : ready;
            var shift = i % 400;
            yield return source with
            {
                CaseStudies = source.CaseStudies.Take(source.CaseStudies.Count - (i % 2)).Select(c => c with { Completed = c.Completed?.AddDays(-shift) }).ToArray(),
            };
        }
    }
}
