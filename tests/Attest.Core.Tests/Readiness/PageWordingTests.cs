using System.Text.RegularExpressions;
using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// Web pages word the verdicts for people (<see cref="Message.OnPage"/>): no field of the application file, and no
/// "you" addressed to the partner when someone else reads; the CLI's own wording is left as it is.
/// </summary>
public sealed partial class PageWordingTests
{
    // Applications that leave something out at every place a rule can name: nothing stated at all, a half-filled one,
    // an e-commerce case study with cardholder data and no PCI dates, one public case study not linked, two look-alikes
    public static TheoryData<string> Applications => ["empty", "half", "ready-but-no", "ecommerce"];

    [Theory]
    [MemberData(nameof(Applications))]
    public void Partner_pages_name_no_field_of_the_file(string which)
    {
        foreach (var text in Texts(Build(which), partnerReads: true, nextSteps: true))
        {
            Assert.False(FileWords().IsMatch(text), $"{which}: a page would show a file field: {text}");
        }
    }

    [Theory]
    [MemberData(nameof(Applications))]
    public void Pages_for_others_do_not_speak_to_the_partner(string which)
    {
        // A next step is addressed to the partner by nature, whoever reads it: reasons, remarks and changes are checked
        foreach (var text in Texts(Build(which), partnerReads: false, nextSteps: false))
        {
            Assert.False(FileWords().IsMatch(text), $"{which}: {text}");
            Assert.False(SecondPerson().IsMatch(text), $"{which}: a page for the auditor, the office or the manager would say: {text}");
        }
    }

    [Fact]
    public void The_cli_keeps_the_file_words()
    {
        var verdict = Evaluate.Item(Build("empty"), "PRE-1.1");
        Assert.Contains("partner.guidelinesRead", verdict.NextStep!.En(), StringComparison.Ordinal);
        Assert.Contains("We have read the program guidelines", verdict.NextStep!.OnPage(true).En(), StringComparison.Ordinal);
        Assert.Contains("Nous avons lu les directives", verdict.NextStep!.OnPage(true).Fr(), StringComparison.Ordinal);
        var assessed = Evaluate.Item(Build("ready-but-no"), "VAL-1.2");
        Assert.StartsWith("You assessed", assessed.Reason.En(), StringComparison.Ordinal);
        Assert.StartsWith("The partner assessed", assessed.Reason.OnPage(false).En(), StringComparison.Ordinal);
        Assert.StartsWith("Le partenaire a évalué", assessed.Reason.OnPage(false).Fr(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_without_other_wordings_is_itself_on_a_page()
    {
        var message = new Phrase("Plain {0}.", "Simple {0}.").With("words");
        Assert.Same(message, message.OnPage(true));
        Assert.Same(message, message.OnPage(false));
    }

    private static Application Build(string which)
    {
        var ready = TestData.Ready();
        return which switch
        {
            "empty" => new Application { Checklist = TestData.Retail.Id, Partner = new PartnerProfile(), CaseStudies = [new CaseStudy { Key = "bare" }] },
            "half" => ready with
            {
                Partner = ready.Partner with { GuidelinesRead = null, Tier = null, MspProgramMember = null, Homepage = null, PracticePage = null, DedicatedRetailConsultancy = null, Content = null },
                CaseStudies = [.. ready.CaseStudies.Select(c => c with { Delivery = null, Compliance = null, Availability = null, DisasterRecovery = null, PublicReference = null })],
                SelfAssessment = new Dictionary<string, SelfAssessmentEntry>(),
            },
            "ready-but-no" => ready with
            {
                SelfAssessment = ready.SelfAssessment.ToDictionary(e => e.Key, e => e.Value with { Met = false }),
                CaseStudies = [.. ready.CaseStudies.Select(c => c.PublicReference is { } p ? c with { PublicReference = p with { LinkedFromWebsite = false } } : c)],
            },
            _ => ready with
            {
                CaseStudies = [.. ready.CaseStudies.Select((c, i) => i == 0 ? c with { Ecommerce = true, CardholderData = null } : i == 1 ? c with { Ecommerce = true, CardholderData = true, Pci = null } : c with { Customer = ready.CaseStudies[0].Customer + " Group" })],
            },
        };
    }

    private static IEnumerable<string> Texts(Application application, bool partnerReads, bool nextSteps)
    {
        var report = Evaluate.Report(application);
        IEnumerable<Message?> Messages(ItemVerdict v) =>
            [v.Reason, nextSteps ? v.NextStep : null, v.Change, .. v.Notes, .. v.CaseStudies.SelectMany(c => new[] { c.Reason, nextSteps ? c.NextStep : null, c.Change })];
        var all = report.Items.SelectMany(Messages).OfType<Message>().Concat(report.Changes.Select(c => c.What)).ToList();
        Assert.NotEmpty(all);
        // Addresses (web, e-mail) and evidence paths are the partner's data, not file words
        return all.Select(m => m.OnPage(partnerReads)).SelectMany(m => new[] { m.In(Language.En), m.In(Language.Fr) }).Select(t => Addresses().Replace(t, "…"));
    }

    // A dotted field path (partner.tier), a file key with its value (met: true, delivery: msp, compliance: [...], kind: workshop), or a camelCase key
    [GeneratedRegex(@"\b[a-z]+\.[a-z]+[A-Z]?\w*\b|\b[a-z]+[A-Z]\w*\b|\b(met|delivery|compliance|kind|stage|cardholderData|selfAssessment)\s*:\s*[\[\w]|:\s*(true|false)\b")]
    private static partial Regex FileWords();

    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w.-]+|[\w.-]*/[\w./-]*")]
    private static partial Regex Addresses();

    [GeneratedRegex(@"\b(You|you|Your|your|Vous|vous|Votre|votre|Vos|vos)\b")]
    private static partial Regex SecondPerson();
}
