using Attest.Core.Applications;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// The ready-until look-ahead, which re-evaluates only on the days something is due to change, against the naive
/// reading of its definition: evaluate every single day after the as-of date and stop at the first one with an item not met.
/// </summary>
public class LookAheadTests
{
    private const int Horizon = 3 * 366;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ready_until_is_the_day_before_the_first_day_not_ready(int seed)
    {
        var application = Varied(new Random(seed));
        var report = ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf);
        if (!report.Ready)
        {
            Assert.Null(report.ReadyUntil);
            return;
        }

        var until = report.Validity!.AcceptedUntil;
        for (var day = TestData.AsOf.AddDays(1); day <= TestData.AsOf.AddDays(Horizon); day = day.AddDays(1))
        {
            if (until is { } last && day > last)
            {
                Assert.Equal(last, report.ReadyUntil);
                return;
            }

            if (ReadinessEngine.EvaluateItems(application, TestData.Retail, day).FirstOrDefault(i => i.Status == ReadinessStatus.NotMet) is { } broken)
            {
                Assert.True(day.AddDays(-1) == report.ReadyUntil, $"seed {seed}: {broken.Item.Id} is not met on {day}, ready until says {report.ReadyUntil}");
                return;
            }
        }

        Assert.True(report.ReadyUntil is null || report.ReadyUntil > TestData.AsOf.AddDays(Horizon), $"seed {seed}: ready every day of the horizon, ready until says {report.ReadyUntil}");
    }

    [Fact]
    public void Some_varied_applications_are_ready_and_some_are_not()
    {
        var reports = Enumerable.Range(1, 24).Select(seed => ReadinessEngine.Evaluate(Varied(new Random(seed)), TestData.Retail, TestData.AsOf)).ToArray();
        Assert.Contains(reports, r => r.Ready && r.ReadyUntil is not null);
        Assert.Contains(reports, r => !r.Ready);
        Assert.True(reports.Select(r => r.ReadyUntil).Distinct().Count() > 3);
    }

    // The ready application with its dates moved at random (completion, PCI tests, DR test, content), sometimes a case
    // study more or less, a fifth customer that duplicates another, or e-commerce switched off
    internal static Application Varied(Random random)
    {
        DateOnly Shift(DateOnly date, int earliest, int latest) => date.AddDays(random.Next(earliest, latest + 1));
        var application = TestData.Ready();
        var cases = application.CaseStudies.Select(c => c with
        {
            Completed = c.Completed is { } done ? Shift(done, -420, 60) : null,
            Pci = c.Pci is { } pci ? pci with { LastVulnerabilityScan = Shift(pci.LastVulnerabilityScan!.Value, -60, 40), LastPenetrationTest = Shift(pci.LastPenetrationTest!.Value, -200, 40) } : null,
            DisasterRecovery = c.DisasterRecovery is { } dr ? dr with { TestedOn = Shift(dr.TestedOn!.Value, -300, 60) } : null,
            Ecommerce = c.Ecommerce == true && random.Next(4) > 0,
        }).ToList();
        if (random.Next(3) == 0)
        {
            cases.Add(TestData.CaseStudy("wingtip") with { Completed = Shift(TestData.AsOf, -500, 0) });
        }

        if (random.Next(3) == 0)
        {
            cases.Add(TestData.CaseStudy("contoso2", "Contoso Retail", "https://shop.contoso.example") with { Completed = Shift(TestData.AsOf, -500, 0) });
        }

        if (random.Next(4) == 0)
        {
            cases.RemoveAt(random.Next(cases.Count));
        }

        return application with
        {
            CaseStudies = cases,
            Partner = application.Partner with
            {
                Content = application.Partner.Content!.Select(c => c.Published is { } published ? c with { Published = Shift(published, -120, 200) } : c).ToArray(),
            },
        };
    }
}
