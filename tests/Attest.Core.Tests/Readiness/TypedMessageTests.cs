using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// Messages made by <see cref="Phrase.With{TA}(TA)"/> keep their arguments typed (issue 16: no argument array, no boxing
/// until shown): they read, in both languages and on web pages, as the same phrase filled through an argument array.
/// Beside them, what the third readiness pass keeps for one evaluation gives what reading it each time gave.
/// </summary>
public class TypedMessageTests
{
    private static readonly Phrase Inner = new("{0} is ready", "{0} est prêt")
    {
        ForPeople = new("{0} is ready (form)", "{0} est prêt (formulaire)"),
    };

    private static readonly Phrase Plain = new("{0}, {1}, {2}, {3}, {4}", "{0}, {1}, {2}, {3}, {4}");

    public static TheoryData<int> Arities() => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Arities))]
    public void A_typed_message_reads_as_the_phrase_filled_through_an_array(int arity)
    {
        var holes = Enumerable.Range(0, arity).Select(i => $"{{{i}}}").ToArray();
        var phrase = new Phrase("values: " + string.Join(" | ", holes), "valeurs : " + string.Join(" ; ", holes))
        {
            ForOthers = new("others: " + string.Join(" | ", holes), "autres : " + string.Join(" ; ", holes)),
        };
        var day = new DateOnly(2026, 12, 8);
        var use = new LocalizedString("retail", "vente au détail");
        var nested = Inner.With("contoso");
        var many = new[] { Inner.With("fabrikam"), Inner.With("tailspin") };
        var typed = arity switch
        {
            1 => phrase.With(day),
            2 => phrase.With(day, (int?)null),
            3 => phrase.With(day, (int?)null, use),
            4 => phrase.With(day, (int?)null, use, nested),
            _ => phrase.With(day, (int?)null, use, nested, many),
        };
        object?[] args = [day, null, use, nested, many];
        var filled = new Message(phrase, args[..arity]);

        Assert.Same(phrase, typed.Phrase);
        Assert.Equal(filled.In(Language.En), typed.In(Language.En));
        Assert.Equal(filled.In(Language.Fr), typed.In(Language.Fr));
        Assert.Equal(filled.ToString(), typed.ToString());
        Assert.Equal(filled.Localized(), typed.Localized());
        foreach (var partnerReads in new[] { true, false })
        {
            Assert.Equal(filled.OnPage(partnerReads).In(Language.En), typed.OnPage(partnerReads).In(Language.En));
            Assert.Equal(filled.OnPage(partnerReads).In(Language.Fr), typed.OnPage(partnerReads).In(Language.Fr));
        }

        Assert.Equal(arity, typed.Args.Count);
        Assert.Equal(args[..arity], typed.Args);
    }

    [Fact]
    public void Values_of_every_kind_are_shown_as_before()
    {
        var day = new DateOnly(2025, 3, 1);
        var typed = Plain.With(12_500, day, (bool?)true, (string?)null, new List<string> { "a.yaml", "b.yaml" });
        var filled = new Message(Plain, [12_500, day, true, null, new List<string> { "a.yaml", "b.yaml" }]);
        Assert.Equal("12500, 2025-03-01, True, , a.yaml, b.yaml", typed.In(Language.En));
        Assert.Equal(filled.In(Language.En), typed.In(Language.En));
        Assert.Equal(filled.In(Language.Fr), typed.In(Language.Fr));
        Assert.Equal("3.5", new Phrase("{0}", "{0}").With(3.5m).In(Language.Fr));
        Assert.Equal("", new Phrase("{0}", "{0}").With((Message?)null).In(Language.En));
    }

    [Fact]
    public void A_message_without_other_wordings_is_its_own_page_form_whatever_its_values()
    {
        var message = Plain.With(3, new DateOnly(2026, 1, 2), 4.5, "text", new[] { 1, 2 });
        Assert.Same(message, message.OnPage(partnerReads: true));
        Assert.Same(message, message.OnPage(partnerReads: false));

        // A nested message with a page wording makes a new one, the values carried over
        var nested = Plain.With(3, Inner.With("contoso"), 4.5, "text", new DateOnly(2026, 1, 2));
        var onPage = nested.OnPage(partnerReads: true);
        Assert.NotSame(nested, onPage);
        Assert.Equal("3, contoso is ready (form), 4.5, text, 2026-01-02", onPage.In(Language.En));
        Assert.Equal("3, contoso is ready, 4.5, text, 2026-01-02", nested.In(Language.En));
    }

    [Fact]
    public void Boxed_answers_are_shared_and_keep_their_value()
    {
        Assert.Same(Boxes.Of(true), Boxes.Of(true));
        Assert.Same(Boxes.Of(false), Boxes.Of(false));
        Assert.Equal(true, Boxes.Of(true));
        Assert.Equal(false, Boxes.Of(false));
        Assert.Null(Boxes.Of(null));
    }

    [Fact]
    public void Compliance_kept_by_position_follows_the_list_it_was_read_from()
    {
        var application = TestData.Ready().WithCase("contoso", c => c with { Compliance = ["N/A"] });
        var other = application.WithCase("contoso", c => c with { Compliance = ["PCI DSS"] });
        var forms = new NormalForms(CaseStudyFindings.None);
        for (var round = 0; round < 2; round++)
        {
            foreach (var cases in new[] { application.CaseStudies, other.CaseStudies })
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    Assert.Equal(CaseStudyPool.HasCompliance(cases[i]), forms.HasCompliance(cases, i));
                }
            }
        }

        var index = application.CaseStudies.ToList().FindIndex(c => c.Key == "contoso");
        Assert.False(forms.HasCompliance(application.CaseStudies, index));
        Assert.True(forms.HasCompliance(other.CaseStudies, index));
    }

    [Fact]
    public void Typed_services_of_case_studies_sharing_a_key_are_read_apart()
    {
        var forms = new NormalForms(CaseStudyFindings.None);
        var s3 = TestData.CaseStudy("same") with { AwsServices = ["Amazon S3"] };
        var lambda = TestData.CaseStudy("same") with { AwsServices = ["AWS Lambda"] };
        Assert.True(forms.TypesService(s3, "amazon-s3"));
        Assert.False(forms.TypesService(lambda, "amazon-s3"));
        Assert.True(forms.TypesService(s3, "amazon-s3"));
        Assert.False(forms.TypesService(lambda, "amazon-s3"));
    }

    [Fact]
    public void The_self_assessment_of_each_item_is_its_own_whatever_the_order_asked()
    {
        var application = TestData.Ready();
        var catalog = TestData.Retail;
        var context = new EvaluationContext(application, catalog, TestData.AsOf, new NormalForms(CaseStudyFindings.None));
        var random = new Random(16);
        for (var n = 0; n < 200; n++)
        {
            var item = catalog.Items[random.Next(catalog.Items.Count)];
            var expected = application.SelfAssessment.TryGetValue(item.Id, out var entry) ? entry : null;
            Assert.Same(expected, context.SelfAssessment(item));
        }
    }
}
