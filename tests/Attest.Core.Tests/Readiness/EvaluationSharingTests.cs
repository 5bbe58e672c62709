using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// What an evaluation now computes once and shares (issue 16, fewer allocations) gives what computing it each time gave:
/// argument-less messages, the verdict of a case study that does not count, whether a case study carries compliance
/// requirements, and whether its typed services name a service.
/// </summary>
public class EvaluationSharingTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Fact]
    public void A_message_without_arguments_is_one_instance_with_the_texts_of_a_new_one()
    {
        var phrase = new Phrase("Nothing to fill: it reads as written.", "Rien à remplir : il se lit tel quel.")
        {
            ForOthers = new("Nothing to fill for others.", "Rien à remplir pour les autres."),
        };

        var shared = phrase.Message();
        var fresh = new Message(phrase, []);
        Assert.Same(shared, phrase.Message());
        Assert.Equal(fresh.In(Language.En), shared.In(Language.En));
        Assert.Equal(fresh.In(Language.Fr), shared.In(Language.Fr));
        Assert.Equal(fresh.OnPage(partnerReads: false).In(Language.Fr), shared.OnPage(partnerReads: false).In(Language.Fr));
        Assert.Equal(phrase.Fr, shared.In(Language.Fr));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_case_study_that_does_not_count_has_one_verdict_for_every_item_worded_as_before(int seed)
    {
        var application = Uncounted(LookAheadTests.Varied(new Random(seed)));
        var report = ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf);
        var pool = CaseStudyPool.Build(application, TestData.AsOf, 18, new NormalForms(CaseStudyFindings.None));
        var uncounted = pool.Standings.Where(s => !s.Counted).ToArray();
        Assert.NotEmpty(uncounted);
        foreach (var standing in uncounted)
        {
            var expected = Shared.NotCounted(standing);
            var given = report.Items.SelectMany(i => i.CaseStudies).Where(v => v.Key == standing.CaseStudy.Key && v.Status == ReadinessStatus.NotApplicable && v.Reason.Phrase == expected.Reason.Phrase).ToArray();
            // The items judged case study by case study (the ten self-assessed ones among them) share one instance
            var shared = given.GroupBy(v => (object)v, ReferenceEqualityComparer.Instance).Max(g => g.Count());
            Assert.True(shared >= 10, $"seed {seed}: {standing.CaseStudy.Key} has one verdict for {shared} items");
            Assert.All(given, v =>
            {
                Assert.Equal(expected.Reason.In(Language.En), v.Reason.In(Language.En));
                Assert.Equal(expected.Reason.In(Language.Fr), v.Reason.In(Language.Fr));
                Assert.Equal(expected, v with { Reason = expected.Reason });
            });
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compliance_and_typed_services_read_once_are_what_each_reading_gives(int seed)
    {
        var application = Uncounted(LookAheadTests.Varied(new Random(seed)));
        var forms = new NormalForms(CaseStudyFindings.None);
        var pool = CaseStudyPool.Build(application, TestData.AsOf, 18, forms);
        foreach (var standing in pool.Standings)
        {
            Assert.Equal(CaseStudyPool.HasCompliance(standing.CaseStudy), standing.HasCompliance);
            foreach (var service in AwsServices.All.Keys)
            {
                var direct = standing.CaseStudy.AwsServices?.Any(s => AwsServices.Names(s, service)) == true;
                Assert.Equal(direct, forms.TypesService(standing.CaseStudy, service));
                Assert.Equal(direct, forms.TypesService(standing.CaseStudy, service));
            }
        }

        // The same case study read through another record instance with equal values is read on its own
        var first = application.CaseStudies[0];
        var copy = first with { AwsServices = ["Simple Storage Service"] };
        Assert.True(forms.TypesService(copy, "amazon-s3"));
        Assert.Equal(first.AwsServices?.Any(s => AwsServices.Names(s, "amazon-s3")) == true, forms.TypesService(first, "amazon-s3"));
    }

    [Fact]
    public void Placeholder_compliance_does_not_count_once_read()
    {
        var application = TestData.Ready().WithCase("contoso", c => c with { Compliance = ["N/A", "none"] });
        var forms = new NormalForms(CaseStudyFindings.None);
        var pool = CaseStudyPool.Build(application, TestData.AsOf, 18, forms);
        Assert.False(pool.Of("contoso").HasCompliance);
        Assert.False(forms.HasCompliance(application.CaseStudies, application.CaseStudies.ToList().FindIndex(c => c.Key == "contoso")));
        Assert.Contains(pool.Standings, s => s.HasCompliance);
    }

    // Two case studies that cannot count (one not in production, one a duplicate customer) next to the varied ones
    private static Application Uncounted(Application application) => application with
    {
        CaseStudies =
        [
            .. application.CaseStudies,
            TestData.CaseStudy("pilot-x", "Pilot Stores", "https://pilot.example") with { Stage = ProjectStage.Pilot },
            application.CaseStudies[0] with { Key = application.CaseStudies[0].Key + "-again" },
        ],
    };
}
