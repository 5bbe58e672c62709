using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>The checklist read exactly (issue 11, points 1–10): each rule's reason checked word for word in both languages.</summary>
public class ExactReadingTests
{
    private static Application FiveWith(CaseStudy extra) => TestData.Ready() with { CaseStudies = [.. TestData.Ready().CaseStudies, extra] };

    // 1. Accents

    [Fact]
    public void These_tests_run_with_invariant_globalization_like_the_shipped_build()
    {
        // Directory.Build.props sets InvariantGlobalization for every project, tests included: string.Normalize does nothing here
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Equal("E\u0301", "E\u0301".Normalize(System.Text.NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("E\u0301picerie Be\u0301re\u0301nice", "Épicerie Bérénice")]
    [InlineData("Epicerie Berenice", "Épicerie Bérénice")]
    [InlineData("EPICERIE BERENICE", "épicerie bérénice")]
    [InlineData("Cœur de Boulangerie", "Coeur de Boulangerie")]
    [InlineData("Straße Markt", "Strasse Markt")]
    [InlineData("Ｃｏｎｔｏｓｏ", "Contoso")]
    [InlineData("Søndergaard", "Sondergaard")]
    public void Customer_names_compare_without_accents_case_or_compatibility_forms(string a, string b) =>
        Assert.Equal(Normalization.CustomerName(b), Normalization.CustomerName(a));

    [Fact]
    public void A_name_typed_with_combining_accents_is_the_same_customer()
    {
        var application = TestData.Ready()
            .WithCase("northwind", c => c with { Customer = "Épicerie Bérénice" })
            .WithCase("tailspin", c => c with { Customer = "E\u0301picerie Be\u0301re\u0301nice" });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("Qualifies, but same customer as northwind (same name): not counted, as the customer counts once.", verdict.Case("tailspin").Reason.En());
        Assert.Equal("Remplit les conditions, mais même client que northwind (même nom)\u00A0: non comptée, le client ne comptant qu'une fois.", verdict.Case("tailspin").Reason.Fr());
    }

    // 2. Possible duplicates

    [Theory]
    [InlineData("Contoso Stores", "Contoso Stores, Inc.", "LegalForm")]
    [InlineData("Contoso Stores", "Contoso-Stores", "Punctuation")]
    [InlineData("Contoso Stores S.A.S.", "Contoso Stores", "LegalForm")]
    public void Loose_names_match_across_legal_forms_and_punctuation(string a, string b, string why)
    {
        var looseA = Normalization.LooseCustomerName(a, out var fullA);
        var looseB = Normalization.LooseCustomerName(b, out var fullB);
        Assert.Equal(looseA, looseB);
        Assert.Equal(why == "Punctuation", fullA == fullB);
    }

    [Theory]
    [InlineData("shop.contoso.example", "contoso.example")]
    [InlineData("contoso.example", "contoso.example")]
    [InlineData("eu.shop.contoso.co.uk", "contoso.co.uk")]
    [InlineData("contoso.com.au", "contoso.com.au")]
    [InlineData("retail.contoso.fr", "contoso.fr")]
    [InlineData("localhost", "localhost")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    public void Registrable_domain_knows_multi_part_suffixes(string domain, string registrable) =>
        Assert.Equal(registrable, Normalization.RegistrableDomain(domain));

    private static Application ContosoThreeWays() => TestData.Ready()
        .WithCase("contoso", c => c with { Customer = "Contoso Stores" })
        .WithCase("northwind", c => c with { Customer = "Contoso Stores, Inc.", CustomerWebsite = "https://contoso-inc.example" })
        .WithCase("tailspin", c => c with { Customer = "Contoso-Stores", CustomerWebsite = "https://contoso-stores.example" });

    [Fact]
    public void Names_alike_but_for_legal_form_or_punctuation_make_PRE_2_1_need_review_naming_the_pairs()
    {
        var verdict = Evaluate.Item(ContosoThreeWays(), "PRE-2.1");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.Equal(
            "4 unique customers qualify (contoso, fabrikam, northwind, tailspin); 2 of them carry customer-described compliance requirements. "
            + "But some of them may be one legal entity: counting each such pair as one customer leaves 2, 2 with compliance requirements: "
            + "contoso and northwind (their names differ only by a legal form ('Contoso Stores', 'Contoso Stores, Inc.')); "
            + "contoso and tailspin (their names differ only by punctuation ('Contoso Stores', 'Contoso-Stores')).",
            verdict.Reason.En());
        Assert.Equal(
            "4 clients uniques remplissent les conditions (contoso, fabrikam, northwind, tailspin)\u00A0; 2 d'entre eux ont des exigences de conformité décrites par le client. "
            + "Mais certains pourraient être une même entité juridique\u00A0: en comptant chacune de ces paires comme un seul client, il en reste 2, dont 2 avec des exigences de conformité\u00A0: "
            + "contoso et northwind (leurs noms ne diffèrent que par une forme juridique («\u00A0Contoso Stores\u00A0», «\u00A0Contoso Stores, Inc.\u00A0»)); "
            + "contoso et tailspin (leurs noms ne diffèrent que par la ponctuation («\u00A0Contoso Stores\u00A0», «\u00A0Contoso-Stores\u00A0»)).",
            verdict.Reason.Fr());
        Assert.True(Evaluate.Report(ContosoThreeWays()).Ready); // needs review is not "not met"
    }

    [Fact]
    public void The_partner_confirming_distinct_customers_clears_the_review()
    {
        var application = ContosoThreeWays().WithCase("contoso", c => c with { DistinctFrom = ["northwind", "tailspin"] });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("contoso and northwind look alike (their names differ only by a legal form ('Contoso Stores', 'Contoso Stores, Inc.')), and the partner confirms they are distinct customers.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("contoso et northwind se ressemblent (leurs noms ne diffèrent que par une forme juridique («\u00A0Contoso Stores\u00A0», «\u00A0Contoso Stores, Inc.\u00A0»)), et le partenaire confirme qu'il s'agit de clients distincts.", verdict.Notes.Select(n => n.Fr()));
    }

    [Fact]
    public void A_confirmation_on_either_side_of_the_pair_counts()
    {
        var application = ContosoThreeWays()
            .WithCase("northwind", c => c with { DistinctFrom = ["contoso"] })
            .WithCase("tailspin", c => c with { DistinctFrom = ["contoso"] });
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(application, "PRE-2.1").Status);
    }

    [Fact]
    public void A_sub_domain_of_another_customers_domain_is_a_possible_duplicate()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { CustomerWebsite = "https://shop.northwind.example/" });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.EndsWith("counting each such pair as one customer leaves 3, 2 with compliance requirements: northwind and tailspin (shop.northwind.example is a sub-domain of northwind.example).", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.EndsWith("en comptant chacune de ces paires comme un seul client, il en reste 3, dont 2 avec des exigences de conformité\u00A0: northwind et tailspin (shop.northwind.example est un sous-domaine de northwind.example).", verdict.Reason.Fr(), StringComparison.Ordinal);
        Assert.Equal("Check each pair: if both are one customer, keep one case study and add another customer; if they are distinct legal entities, say so with distinctFrom: [other key] on one of them.", verdict.NextStep!.En());
    }

    [Fact]
    public void Sibling_sub_domains_under_a_multi_part_suffix_are_a_possible_duplicate()
    {
        var application = TestData.Ready()
            .WithCase("northwind", c => c with { CustomerWebsite = "https://uk.northwind.co.uk" })
            .WithCase("tailspin", c => c with { CustomerWebsite = "https://shop.northwind.co.uk" });
        var pair = Assert.Single(PoolOf(application).PossibleDuplicates);
        Assert.Equal("their web sites uk.northwind.co.uk and shop.northwind.co.uk share the registrable domain northwind.co.uk", pair.Why.En());
        Assert.Equal("leurs sites web uk.northwind.co.uk et shop.northwind.co.uk partagent le domaine enregistrable northwind.co.uk", pair.Why.Fr());
    }

    [Fact]
    public void Different_customers_under_one_multi_part_suffix_are_not_duplicates()
    {
        var application = TestData.Ready()
            .WithCase("northwind", c => c with { CustomerWebsite = "https://northwind.co.uk" })
            .WithCase("tailspin", c => c with { CustomerWebsite = "https://tailspin.co.uk" });
        Assert.Empty(PoolOf(application).PossibleDuplicates);
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(application, "PRE-2.1").Status);
    }

    [Fact]
    public void Even_with_enough_customers_left_after_merging_a_pair_the_item_needs_review_until_the_pair_is_confirmed()
    {
        var application = FiveWith(TestData.CaseStudy("woodgrove", "Tailspin Retail Ltd"));
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.EndsWith("counting each such pair as one customer leaves 4, 2 with compliance requirements: tailspin and woodgrove (their names differ only by a legal form ('Tailspin Retail', 'Tailspin Retail Ltd')).", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(application.WithCase("woodgrove", c => c with { DistinctFrom = ["tailspin"] }), "PRE-2.1").Status);
        Assert.Contains("tailspin and woodgrove may be the same customer: their names differ only by a legal form ('Tailspin Retail', 'Tailspin Retail Ltd'). They are counted apart until you confirm they are distinct (distinctFrom) or keep only one.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("tailspin et woodgrove sont peut-être le même client\u00A0: leurs noms ne diffèrent que par une forme juridique («\u00A0Tailspin Retail\u00A0», «\u00A0Tailspin Retail Ltd\u00A0»). Ils sont comptés séparément tant que vous n'avez pas confirmé qu'ils sont distincts (distinctFrom) ou gardé une seule des deux études de cas.", verdict.Notes.Select(n => n.Fr()));
    }

    // 3. Home page = practice page

    [Theory]
    [InlineData("https://www.acme.example/", "https://acme.example")]
    [InlineData("https://acme.example/index.html", "https://acme.example/")]
    [InlineData("http://WWW.Acme.example:80/Default.aspx", "https://acme.example")]
    [InlineData("https://acme.example:443/INDEX.HTM", "acme.example")]
    [InlineData("https://acme.example/fr/index.php", "https://www.acme.example/fr/")]
    public void Spellings_of_the_same_page_are_the_same_page(string a, string b) => Assert.True(Normalization.SamePage(a, b));

    [Theory]
    [InlineData("https://acme.example/retail", "https://acme.example/")]
    [InlineData("https://shop.acme.example/", "https://acme.example/")]
    [InlineData("https://acme.example/retail/index-old.html", "https://acme.example/retail")]
    public void Other_pages_are_not_the_home_page(string a, string b) => Assert.False(Normalization.SamePage(a, b));

    [Theory]
    [InlineData("https://www.acme.example/")]
    [InlineData("https://acme.example/index.html")]
    [InlineData("https://ACME.example:443")]
    public void The_home_page_under_another_spelling_is_refused_as_practice_page(string practice)
    {
        var application = TestData.Ready().WithPartner(p => p with { PracticePage = new PracticePage { Url = practice, LinkedFromHomepage = true } });
        var verdict = Evaluate.Item(application, "PRE-3.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("The practice page is the home page https://acme.example/; that is accepted only for a consultancy dedicated to retail, and the partner is not one.", verdict.Reason.En());
        Assert.Equal("La page de pratique est la page d'accueil https://acme.example/\u00A0; ce n'est accepté que pour une société de conseil dédiée à la vente au détail, ce que le partenaire n'est pas.", verdict.Reason.Fr());
    }

    // 4. Only the case studies that count

    private static CaseStudy Pilot(DeliveryCategory? delivery) => TestData.CaseStudy("pilot") with { Stage = ProjectStage.ProofOfConcept, Delivery = delivery };

    [Fact]
    public void A_proof_of_concept_without_delivery_category_does_not_fail_PRE_2_3()
    {
        var verdict = Evaluate.Item(FiveWith(Pilot(null)), "PRE-2.3");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal("Every case study that counts is classified: 0 MSP, 4 project-based.", verdict.Reason.En());
        Assert.Equal("Chaque étude de cas retenue est classée\u00A0: 0 FSG, 4 basée(s) sur un projet.", verdict.Reason.Fr());
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("pilot").Status);
        Assert.Contains("Case studies that do not count have no delivery category, which does not matter for this item: pilot.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("Des études de cas non retenues n'ont pas de catégorie de livraison, ce qui n'a pas d'importance pour cet élément\u00A0: pilot.", verdict.Notes.Select(n => n.Fr()));
    }

    [Fact]
    public void A_counted_case_study_without_delivery_category_still_fails_PRE_2_3()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("tailspin", c => c with { Delivery = null }), "PRE-2.3");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("1 case study(ies) that count have no delivery category: tailspin.", verdict.Reason.En());
        Assert.Equal("1 étude(s) de cas retenue(s) n'ont pas de catégorie de livraison\u00A0: tailspin.", verdict.Reason.Fr());
    }

    [Fact]
    public void An_msp_pilot_neither_forces_MSP_membership_under_the_English_reading()
    {
        var verdict = Evaluate.Item(FiveWith(Pilot(DeliveryCategory.Msp)), "PRE-2.4");
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Status);
        Assert.Contains("Case studies in the MSP delivery category that do not count (see PRE-2.1) were not taken into account: pilot.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("Des études de cas de la catégorie FSG qui ne sont pas retenues (voir PRE-2.1) n'ont pas été prises en compte\u00A0: pilot.", verdict.Notes.Select(n => n.Fr()));
    }

    [Fact]
    public void Nor_exempts_from_it_under_the_French_reading()
    {
        var catalog = TestData.Retail with { Options = new CatalogOptions { MspCriteriaReading = MspCriteriaReading.French } };
        var verdict = ReadinessEngine.EvaluateItems(FiveWith(Pilot(DeliveryCategory.Msp)), catalog, TestData.AsOf).Single(i => i.Item.Id == "PRE-2.4");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("No case study is in the MSP delivery category, so under the French reading the partner must be a member of the AWS MSP program: it is not a member.", verdict.Reason.En());
    }

    // 5. One representative per customer

    [Fact]
    public void The_best_case_study_of_a_customer_represents_it_everywhere()
    {
        // "northwind-2" comes second in the file but carries the public reference and the compliance requirement
        var second = TestData.CaseStudy("northwind-2", "Northwind Retail", "https://northwind.example") with
        {
            Compliance = ["SOC 2"],
            PublicReference = new PublicReference { Url = "https://acme.example/retail/northwind", LinkedFromWebsite = true },
            Availability = null,
        };
        var application = FiveWith(second).WithCase("fabrikam", c => c with { Compliance = [], PublicReference = null });
        var pool = PoolOf(application);
        Assert.Null(pool.Of("northwind-2").DuplicateOf);
        Assert.Equal("northwind-2", pool.Of("northwind").DuplicateOf);

        var pre21 = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, pre21.Status);
        Assert.Equal("Qualifies, but same customer as northwind-2 (same name): not counted, as the customer counts once.", pre21.Case("northwind").Reason.En());
        Assert.Equal("Remplit les conditions, mais même client que northwind-2 (même nom)\u00A0: non comptée, le client ne comptant qu'une fois.", pre21.Case("northwind").Reason.Fr());
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(application, "PRE-2.2").Status);

        // The audit items are judged on the representative too: its missing RTO/RPO show, the other's do not hide them
        var val23 = Evaluate.Item(application, "VAL-2.3");
        Assert.Equal(ReadinessStatus.NotMet, val23.Case("northwind-2").Status);
        Assert.Equal(ReadinessStatus.NotApplicable, val23.Case("northwind").Status);
        Assert.Equal("Does not count for the application: same customer as northwind-2 (same name).", val23.Case("northwind").Reason.En());
        Assert.Equal("Ne compte pas pour la candidature\u00A0: même client que northwind-2 (même nom).", val23.Case("northwind").Reason.Fr());
    }

    [Fact]
    public void Credits_are_not_gathered_from_two_case_studies_of_one_customer()
    {
        // One case study of fabrikam is public, the other has the compliance requirement: only one of them counts
        var other = TestData.CaseStudy("fabrikam-2", "Fabrikam Retail", "https://fabrikam.example") with { Compliance = ["GDPR"] };
        var application = FiveWith(other).WithCase("fabrikam", c => c with { Compliance = [] });
        var pool = PoolOf(application);
        Assert.Equal("fabrikam", pool.Counted.Single(s => s.Group == pool.Of("fabrikam-2").Group).CaseStudy.Key);
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("Only 1 qualifying customer(s) carry customer-described compliance requirements; 2 are needed.", verdict.Reason.En());
    }

    // 6. Placeholders

    [Theory]
    [InlineData("N/A")]
    [InlineData("none")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("  Néant ")]
    [InlineData("Not applicable")]
    public void Placeholders_in_compliance_are_not_requirements(string placeholder)
    {
        var application = TestData.Ready().WithCase("fabrikam", c => c with { Compliance = [placeholder] });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("Only 1 qualifying customer(s) carry customer-described compliance requirements; 2 are needed.", verdict.Reason.En());
        Assert.Equal("Seulement 1 client(s) retenu(s) ont des exigences de conformité décrites par le client\u00A0; il en faut 2.", verdict.Reason.Fr());
        Assert.Contains($"fabrikam: the compliance entries '{placeholder}' are placeholders, not requirements described by the customer.", verdict.Notes.Select(n => n.En()));
        Assert.Contains($"fabrikam\u00A0: les entrées de conformité '{placeholder}' ne sont que des mentions vides, pas des exigences décrites par le client.", verdict.Notes.Select(n => n.Fr()));
    }

    [Fact]
    public void A_requirement_beside_a_placeholder_still_counts() =>
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(TestData.Ready().WithCase("fabrikam", c => c with { Compliance = ["N/A", "GDPR"] }), "PRE-2.1").Status);

    // 7. VAL-2.13

    private static Application PciDated(DateOnly scan, DateOnly test) =>
        TestData.Ready().WithCase("contoso", c => c with { Pci = new PciTesting { LastVulnerabilityScan = scan, LastPenetrationTest = test } });

    [Fact]
    public void A_penetration_test_within_twelve_months_meets_VAL_2_13_and_the_strict_reading_is_a_note()
    {
        var verdict = Evaluate.Item(PciDated(new DateOnly(2026, 11, 1), new DateOnly(2026, 3, 1)), "VAL-2.13");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal("Last vulnerability scan 2026-11-01 (within 3 months) and last penetration test 2026-03-01 (within 12 months).", verdict.Case("contoso").Reason.En());
        Assert.Equal("Dernière analyse de vulnérabilité le 2026-11-01 (moins de 3 mois) et dernier test de pénétration le 2026-03-01 (moins de 12 mois).", verdict.Case("contoso").Reason.Fr());
        Assert.Equal("Reading applied: quarterly vulnerability scans (within 3 months) and a penetration test within 12 months, as PCI DSS asks; « trimestrielles » in the French text qualifies the scans. Read as quarterly for both (within 3 months), this item would be not met.", verdict.Notes[0].En());
        Assert.Equal("Lecture appliquée\u00A0: des analyses de vulnérabilité trimestrielles (moins de 3 mois) et un test de pénétration de moins de 12 mois, comme le demande PCI DSS\u00A0; «\u00A0trimestrielles\u00A0» porte sur les seules analyses. Si les deux devaient être trimestriels (moins de 3 mois), cet élément serait\u00A0: non respecté.", verdict.Notes[0].Fr());
    }

    [Fact]
    public void A_scan_older_than_three_months_fails_VAL_2_13()
    {
        var verdict = Evaluate.Item(PciDated(new DateOnly(2026, 8, 1), new DateOnly(2026, 11, 1)), "VAL-2.13");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("The last vulnerability scan (2026-08-01) is more than 3 months old.", verdict.Case("contoso").Reason.En());
        Assert.Equal("La dernière analyse de vulnérabilité (2026-08-01) date de plus de 3 mois.", verdict.Case("contoso").Reason.Fr());
    }

    [Fact]
    public void A_penetration_test_older_than_twelve_months_fails_VAL_2_13()
    {
        var verdict = Evaluate.Item(PciDated(new DateOnly(2026, 11, 1), new DateOnly(2025, 11, 1)), "VAL-2.13");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("The last penetration test (2025-11-01) is more than 12 months old.", verdict.Case("contoso").Reason.En());
        Assert.Equal("Le dernier test de pénétration (2025-11-01) date de plus de 12 mois.", verdict.Case("contoso").Reason.Fr());
    }

    [Fact]
    public void The_strict_catalog_option_asks_for_both_within_three_months()
    {
        var catalog = TestData.Retail with { Options = new CatalogOptions { PciTestingReading = PciTestingReading.BothQuarterly } };
        var verdict = ReadinessEngine.EvaluateItems(PciDated(new DateOnly(2026, 11, 1), new DateOnly(2026, 3, 1)), catalog, TestData.AsOf).Single(i => i.Item.Id == "VAL-2.13");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal("The last penetration test (2026-03-01) is more than 3 months old.", verdict.Case("contoso").Reason.En());
        Assert.Equal("Reading applied: the strict one, quarterly vulnerability scans and penetration tests (both within 3 months). Read as quarterly scans and a penetration test within 12 months, this item would be met.", verdict.Notes[0].En());
        Assert.Equal("Lecture appliquée\u00A0: la lecture stricte, analyses de vulnérabilité et tests de pénétration trimestriels (les deux de moins de 3 mois). Avec des analyses trimestrielles et un test de pénétration de moins de 12 mois, cet élément serait\u00A0: respecté.", verdict.Notes[0].Fr());
    }

    [Fact]
    public void The_catalog_sets_the_pci_windows_and_reading()
    {
        var item = TestData.Retail.FindItem("VAL-2.13")!;
        Assert.Equal(3, item.IntParameter("scanWindowMonths"));
        Assert.Equal(12, item.IntParameter("penetrationTestWindowMonths"));
        Assert.Equal(PciTestingReading.ScansQuarterly, TestData.Retail.Options.PciTestingReading);
    }

    // 8. The self-assessment is checked on automatic items too

    [Theory]
    [InlineData("VAL-2.1")]
    [InlineData("VAL-2.3")]
    [InlineData("VAL-2.5")]
    [InlineData("VAL-2.13")]
    [InlineData("PRE-2.1")]
    [InlineData("PRE-4.1")]
    public void Answering_not_met_where_the_facts_meet_an_automatic_item_is_pointed_out(string id)
    {
        var application = TestData.Ready().WithSelfAssessment(id, new SelfAssessmentEntry { Met = false, Note = "Not sure." });
        var verdict = Evaluate.Item(application, id);
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("Your self-assessment says not met, yet the facts meet the requirement: update it.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("Votre auto-évaluation indique «\u00A0non respecté\u00A0», alors que les faits satisfont l'exigence\u00A0: mettez-la à jour.", verdict.Notes.Select(n => n.Fr()));
    }

    [Fact]
    public void Answering_met_where_the_facts_do_not_meet_an_automatic_item_is_pointed_out()
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Availability = null });
        var verdict = Evaluate.Item(application, "VAL-2.3");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("Your self-assessment says met, but the facts do not support it yet.", verdict.Notes.Select(n => n.En()));
        Assert.Contains("Votre auto-évaluation indique «\u00A0respecté\u00A0», mais les faits ne le confirment pas encore.", verdict.Notes.Select(n => n.Fr()));
    }

    // 9. Cited evidence that is missing

    [Fact]
    public void Missing_self_assessment_evidence_turns_a_met_item_into_needs_review()
    {
        var verdict = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, missingEvidence: ["docs/evidence.pdf"]).Single(i => i.Item.Id == "PRE-1.2");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.Equal("Cited evidence not found: docs/evidence.pdf.", verdict.Notes[0].En());
        Assert.Equal("Preuves citées introuvables\u00A0: docs/evidence.pdf.", verdict.Notes[0].Fr());
        Assert.Equal("Put the cited files and folders where the application file says they are (paths are relative to it), or correct the references.", verdict.NextStep!.En());
        Assert.Contains(verdict.Facts, f => f.Name == "missingEvidence");
    }

    [Fact]
    public void Missing_case_study_evidence_is_named_on_the_case_studies_of_the_items_judged_on_it()
    {
        var items = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, missingEvidence: ["iac/northwind/"]);
        var val22 = items.Single(i => i.Item.Id == "VAL-2.2");
        Assert.Equal(ReadinessStatus.NeedsReview, val22.Case("northwind").Status);
        Assert.EndsWith(" Cited evidence not found: iac/northwind/.", val22.Case("northwind").Reason.En(), StringComparison.Ordinal);
        Assert.EndsWith(" Preuves citées introuvables\u00A0: iac/northwind/.", val22.Case("northwind").Reason.Fr(), StringComparison.Ordinal);
        Assert.Equal("Cited evidence not found: iac/northwind/.", val22.Notes[0].En());
        Assert.DoesNotContain("not found", val22.Case("contoso").Reason.En(), StringComparison.Ordinal);

        // Automatic items rest on stated facts, not on the files
        Assert.Equal(ReadinessStatus.Met, items.Single(i => i.Item.Id == "VAL-2.3").Status);
    }

    [Fact]
    public void Without_missing_evidence_nothing_changes() =>
        Assert.Equal(
            Evaluate.Report(TestData.Ready()).Items.Select(i => i.Status),
            ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, missingEvidence: ["not/cited.pdf"]).Select(i => i.Status));

    // 10. Bounded work

    [Fact]
    public void The_readiness_work_grows_linearly_with_the_number_of_case_studies()
    {
        static long Work(int count)
        {
            // Many customers, some sharing a name, a domain or a loose name, some not qualifying
            var cases = Enumerable.Range(0, count).Select(i => TestData.CaseStudy($"c{i}", $"Customer {i / 3}{(i % 3 == 1 ? ", Inc." : "")}", $"https://{(i % 5 == 0 ? "shop." : "")}customer{i / 2}.example") with
            {
                Stage = i % 7 == 0 ? ProjectStage.Pilot : ProjectStage.Production,
                Compliance = i % 4 == 0 ? ["PCI-DSS"] : ["N/A"],
                Ecommerce = i % 2 == 0,
            }).ToArray();
            var application = TestData.Ready() with { CaseStudies = cases };
            WorkMeter.Reset();
            ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf);
            return WorkMeter.Visits;
        }

        var small = Work(500);
        var large = Work(4_000);
        Assert.True(small > 500, $"the meter counts the visits ({small})");
        Assert.True(large <= small * 8 * 1.25, $"8 times the case studies should be about 8 times the work, not {large / (double)small:F1} times ({small} → {large})");
    }

    private static CaseStudyPool PoolOf(Application application)
    {
        var forms = new NormalForms(Findings.CaseStudyFindings.None);
        return CaseStudyPool.Build(application, TestData.AsOf, 18, forms, c => PublicCaseStudiesRule.IsPublic(c, forms, null));
    }
}
