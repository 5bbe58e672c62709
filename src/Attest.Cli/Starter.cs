using System.Globalization;
using System.Text;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Cli;

/// <summary>Writes a commented starter application file for a checklist, in the user's language.</summary>
internal static class Starter
{
    public static string Write(Catalog catalog, Language language, DateOnly today)
    {
        var fr = language == Language.Fr;
        string T(string en, string french) => fr ? french : en;
        var y = new StringBuilder();
        y.Append("# ").Append(T("Attest application file — fill it in, then run: attest check ", "Fichier de candidature Attest — complétez-le, puis lancez : attest check ")).Append("application.yaml\n");
        y.Append("# ").Append(catalog.Title.In(language)).Append(" (").Append(catalog.Version).Append(")\n");
        y.Append("# ").Append(T("A missing field is fine in a draft: the rule that needs it says it is not stated.", "Un champ manquant est permis dans un brouillon : la règle qui en a besoin le signale.")).Append('\n');
        y.Append("format: ").Append(Application.FormatV1).Append('\n');
        y.Append("checklist: ").Append(catalog.Id).Append('\n');
        y.Append("# asOf: ").Append(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("   # ").Append(T("evaluation date; default today", "date d'évaluation ; par défaut aujourd'hui")).Append('\n');
        y.Append("partner:\n");
        y.Append("  name: ").Append(T("Your Company", "Votre société")).Append('\n');
        y.Append("  # id: 0010000000AbCdE            # ").Append(T("your APN Partner Central account id, shown on the self-assessment form", "l'identifiant de votre compte APN Partner Central, repris sur le formulaire d'auto-évaluation")).Append('\n');
        y.Append("  tier: advanced                # registered | select | advanced | premier\n");
        y.Append("  mspProgramMember: false       # ").Append(T("member of the AWS Managed Service Provider program", "membre du programme AWS Managed Service Provider")).Append('\n');
        y.Append("  guidelinesRead: false         # ").Append(T("you have read the AWS Competency program guidelines", "vous avez lu les directives du programme de compétences AWS")).Append('\n');
        y.Append("  homepage: https://example.com/\n");
        y.Append("  practicePage: { url: https://example.com/retail, linkedFromHomepage: true }\n");
        y.Append("  dedicatedRetailConsultancy: false\n");
        y.Append("  content:                      # blog | article | video | whitepaper | workshop | use-case\n");
        y.Append("    - { title: ").Append(T("Unified commerce on AWS", "Commerce unifié sur AWS")).Append(", url: https://example.com/blog/retail, kind: blog, published: ").Append(today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" }\n");
        y.Append("  contact: { name: ").Append(T("Your Name", "Votre nom")).Append(", email: you@example.com }   # ").Append(T("the submission e-mail is sent from this address", "l'e-mail de soumission part de cette adresse")).Append('\n');
        y.Append("caseStudies:                    # ").Append(T("at least four unique customers", "au moins quatre clients uniques")).Append('\n');
        y.Append("  - key: first-customer         # ").Append(T("unique within the file", "unique dans le fichier")).Append('\n');
        y.Append("    customer: ").Append(T("Customer name", "Nom du client")).Append('\n');
        y.Append("    customerWebsite: https://customer.example\n");
        y.Append("    # distinctFrom: [other-key]    # ").Append(T("keys of case studies whose customers look alike but are distinct legal entities", "clés d'études de cas dont les clients se ressemblent mais sont des entités juridiques distinctes")).Append('\n');
        y.Append("    stage: production           # production | pilot | proof-of-concept\n");
        y.Append("    useCase: supply-chain       # customer-engagement | merchandising-planning | supply-chain | stores | data-science | business-applications | none\n");
        y.Append("    delivery: project           # msp | project\n");
        y.Append("    # completed: YYYY-MM-DD\n");
        y.Append("    # problem: …\n    # solution: …\n    # awsServices: [Amazon S3, AWS Lambda]\n    # retailExpertise: …\n");
        y.Append("    # thirdParty: []            # ").Append(T("[] means none used", "[] signifie aucune")).Append('\n');
        y.Append("    # results: …\n    # compliance: [PCI-DSS]\n");
        y.Append("    # publicReference: { url: https://example.com/retail/case, linkedFromWebsite: true }\n");
        y.Append("    # ecommerce: false\n    # cardholderData: false\n");
        y.Append("    # availability: [ { component: web tier, rtoMinutes: 15, rpoMinutes: 0 } ]\n");
        y.Append("    # disasterRecovery: { rtoMinutes: 240, rpoMinutes: 60, testedOn: YYYY-MM-DD, runbookDelivered: true }\n");
        y.Append("    # pci: { lastVulnerabilityScan: YYYY-MM-DD, lastPenetrationTest: YYYY-MM-DD }\n");
        y.Append("    # evidence: [iac/first-customer/, diagrams/first-customer.png]\n");
        y.Append("    # submitted: true           # ").Append(T("submitted to AWS; when no case study says, the ones Attest counts are submitted", "soumise à AWS ; si aucune étude ne le précise, celles qu'Attest retient sont soumises")).Append('\n');
        y.Append("selfAssessment:                 # ").Append(T("met: true or false, a justification, evidence", "met: true ou false, une justification, des preuves")).Append('\n');
        y.Append("  # ").Append(T("items judged on case studies also take one answer per submitted case study:", "les éléments jugés sur les études de cas prennent aussi une réponse par étude de cas soumise :")).Append('\n');
        y.Append("  #   caseStudies: { first-customer: { answer: met, note: \"\", evidence: [] } }   # met | not-met | not-applicable\n");
        foreach (var item in catalog.Items)
        {
            y.Append("  ").Append(item.Id).Append(": { met: null, note: \"\" }").Append(new string(' ', Math.Max(1, 9 - item.Id.Length))).Append("# ").Append(item.Title.In(language)).Append('\n');
        }

        return y.ToString();
    }
}
