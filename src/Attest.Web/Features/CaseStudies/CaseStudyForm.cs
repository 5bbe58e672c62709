using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Documents;
using Attest.Core.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attest.Web.Features.CaseStudies;

/// <summary>Every field of a format v1 case study as the form posts it: text, one list item per line, tri-state choices.</summary>
public sealed class CaseStudyForm
{
    /// <summary>The prefix of the form's fields in the posted names and the model state (<c>Form.Customer</c>).</summary>
    public const string Prefix = "Form.";

    /// <summary>The key files and the API use; left empty, it is made from the customer's name (<see cref="CaseStudyKeys"/>).</summary>
    public string? Key { get; set; }

    public long Revision { get; set; }

    public string? Customer { get; set; }

    public string? CustomerWebsite { get; set; }

    /// <summary>Keys of case studies whose customers are confirmed distinct from this one's, one per line.</summary>
    public string? DistinctFrom { get; set; }

    public string? Stage { get; set; }

    public string? UseCase { get; set; }

    public string? Delivery { get; set; }

    public string? Completed { get; set; }

    public string? Problem { get; set; }

    public string? Solution { get; set; }

    public string? AwsServices { get; set; }

    public string? RetailExpertise { get; set; }

    public string? ThirdPartyStated { get; set; }

    public string? ThirdParty { get; set; }

    public string? Results { get; set; }

    public string? ComplianceStated { get; set; }

    public string? Compliance { get; set; }

    public string? PublicReferenceUrl { get; set; }

    public string? PublicReferenceLinked { get; set; }

    public string? Ecommerce { get; set; }

    public string? CardholderData { get; set; }

    /// <summary><c>yes</c> submitted to AWS, <c>no</c> kept out, empty for not stated (then Attest's counted ones are submitted).</summary>
    public string? Submitted { get; set; }

    public string? Affiliate { get; set; }

    public string? OfferedOutside { get; set; }

    /// <summary>Architecture diagrams (service delivery checklists), one reference per line.</summary>
    public string? ArchitectureDiagrams { get; set; }

    /// <summary>One component per line: <c>name | RTO minutes | RPO minutes</c>.</summary>
    public string? Availability { get; set; }

    public string? DrRtoMinutes { get; set; }

    public string? DrRpoMinutes { get; set; }

    public string? DrTestedOn { get; set; }

    public string? DrRunbookDelivered { get; set; }

    public string? PciLastVulnerabilityScan { get; set; }

    public string? PciLastPenetrationTest { get; set; }

    public string? Evidence { get; set; }

    public static CaseStudyForm From(CaseStudy c, long revision) => new()
    {
        Key = c.Key,
        Revision = revision,
        Customer = c.Customer,
        CustomerWebsite = c.CustomerWebsite,
        DistinctFrom = Lines(c.DistinctFrom),
        Stage = c.Stage is { } stage ? Vocabulary.Stages.Wire(stage) : null,
        UseCase = c.UseCase is { } useCase ? Vocabulary.UseCases.Wire(useCase) : null,
        Delivery = c.Delivery is { } delivery ? Vocabulary.Deliveries.Wire(delivery) : null,
        Completed = Date(c.Completed),
        Problem = c.Problem,
        Solution = c.Solution,
        AwsServices = Lines(c.AwsServices),
        RetailExpertise = c.RetailExpertise,
        ThirdPartyStated = c.ThirdParty is null ? null : "yes",
        ThirdParty = Lines(c.ThirdParty),
        Results = c.Results,
        ComplianceStated = c.Compliance is null ? null : "yes",
        Compliance = Lines(c.Compliance),
        PublicReferenceUrl = c.PublicReference?.Url,
        PublicReferenceLinked = Bool(c.PublicReference?.LinkedFromWebsite),
        Ecommerce = Bool(c.Ecommerce),
        CardholderData = Bool(c.CardholderData),
        Submitted = Bool(c.Submitted),
        Affiliate = Bool(c.Affiliate),
        OfferedOutside = Bool(c.OfferedOutside),
        ArchitectureDiagrams = Lines(c.ArchitectureDiagrams),
        Availability = c.Availability is null ? null : string.Join('\n', c.Availability.Select(a => $"{a.Component} | {a.RtoMinutes} | {a.RpoMinutes}")),
        DrRtoMinutes = c.DisasterRecovery?.RtoMinutes?.ToString(CultureInfo.InvariantCulture),
        DrRpoMinutes = c.DisasterRecovery?.RpoMinutes?.ToString(CultureInfo.InvariantCulture),
        DrTestedOn = Date(c.DisasterRecovery?.TestedOn),
        DrRunbookDelivered = Bool(c.DisasterRecovery?.RunbookDelivered),
        PciLastVulnerabilityScan = Date(c.Pci?.LastVulnerabilityScan),
        PciLastPenetrationTest = Date(c.Pci?.LastPenetrationTest),
        Evidence = Lines(c.Evidence),
    };

    /// <summary>The case study the form describes; each malformed field adds an error naming it, in the user's language.</summary>
    public CaseStudy? ToDomain(ModelStateDictionary errors, Language language)
    {
        void Error(string field, LocalizedString problem) => errors.AddModelError(Prefix + field, problem.In(language));
        var key = (Key ?? "").Trim();
        if (key.Length > 0 && (key.Length > 100 || key == "new" || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
        {
            Error(nameof(Key), Texts.BadKey);
        }

        foreach (var (field, value) in new[] { (nameof(CustomerWebsite), CustomerWebsite), (nameof(PublicReferenceUrl), PublicReferenceUrl) })
        {
            if (Text(value) is { } url && !IsWebAddress(url))
            {
                errors.AddModelError(Prefix + field, string.Format(CultureInfo.InvariantCulture, Texts.BadUrl.In(language), Labels.Of[field].In(language)));
            }
        }

        var completed = ParseDate(Completed, nameof(Completed), errors, language);
        var drTested = ParseDate(DrTestedOn, nameof(DrTestedOn), errors, language);
        var scan = ParseDate(PciLastVulnerabilityScan, nameof(PciLastVulnerabilityScan), errors, language);
        var test = ParseDate(PciLastPenetrationTest, nameof(PciLastPenetrationTest), errors, language);
        var drRto = ParseMinutes(DrRtoMinutes, nameof(DrRtoMinutes), errors, language);
        var drRpo = ParseMinutes(DrRpoMinutes, nameof(DrRpoMinutes), errors, language);
        var availability = new List<AvailabilityObjective>();
        foreach (var (line, number) in SplitLines(Availability).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|');
            if (parts.Length != 3 || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rto) || !int.TryParse(parts[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rpo))
            {
                errors.AddModelError(Prefix + nameof(Availability), string.Format(CultureInfo.InvariantCulture, Texts.BadAvailability.In(language), number));
                continue;
            }

            availability.Add(new AvailabilityObjective { Component = parts[0].Trim(), RtoMinutes = rto, RpoMinutes = rpo });
        }

        if (!errors.IsValid)
        {
            return null;
        }

        var hasDr = drRto is not null || drRpo is not null || drTested is not null || Tri(DrRunbookDelivered) is not null;
        var hasPci = scan is not null || test is not null;
        return new CaseStudy
        {
            Key = key,
            Customer = Text(Customer),
            CustomerWebsite = Text(CustomerWebsite),
            DistinctFrom = List(DistinctFrom, stated: !string.IsNullOrWhiteSpace(DistinctFrom)),
            Stage = Vocabulary.Stages.TryParse(Stage ?? "", out var stage) ? stage : null,
            UseCase = Vocabulary.UseCases.TryParse(UseCase ?? "", out var useCase) ? useCase : null,
            Delivery = Vocabulary.Deliveries.TryParse(Delivery ?? "", out var delivery) ? delivery : null,
            Completed = completed,
            Problem = Text(Problem),
            Solution = Text(Solution),
            AwsServices = List(AwsServices, stated: !string.IsNullOrWhiteSpace(AwsServices)),
            RetailExpertise = Text(RetailExpertise),
            ThirdParty = List(ThirdParty, stated: ThirdPartyStated == "yes" || !string.IsNullOrWhiteSpace(ThirdParty)),
            Results = Text(Results),
            Compliance = List(Compliance, stated: ComplianceStated == "yes" || !string.IsNullOrWhiteSpace(Compliance)),
            PublicReference = Text(PublicReferenceUrl) is null && Tri(PublicReferenceLinked) is null ? null : new PublicReference { Url = Text(PublicReferenceUrl), LinkedFromWebsite = Tri(PublicReferenceLinked) },
            Ecommerce = Tri(Ecommerce),
            CardholderData = Tri(CardholderData),
            Submitted = Tri(Submitted),
            Affiliate = Tri(Affiliate),
            OfferedOutside = Tri(OfferedOutside),
            ArchitectureDiagrams = List(ArchitectureDiagrams, stated: !string.IsNullOrWhiteSpace(ArchitectureDiagrams)),
            Availability = availability.Count > 0 ? availability : null,
            DisasterRecovery = hasDr ? new DisasterRecoveryPlan { RtoMinutes = drRto, RpoMinutes = drRpo, TestedOn = drTested, RunbookDelivered = Tri(DrRunbookDelivered) } : null,
            Pci = hasPci ? new PciTesting { LastVulnerabilityScan = scan, LastPenetrationTest = test } : null,
            Evidence = List(Evidence, stated: !string.IsNullOrWhiteSpace(Evidence)),
        };
    }

    /// <summary>
    /// Checks what needs the application and the library: a completion date not after <paramref name="today"/>, and each
    /// evidence line an http(s) address or a piece of the partner's library (its name; a folder ending in '/' holding
    /// at least one piece). Lines the case study already had are kept as they are (an imported file may name paths of
    /// the partner's repository that were never uploaded).
    /// </summary>
    public void CheckAgainst(ModelStateDictionary errors, Language language, DateOnly today, IReadOnlyCollection<string> library, IReadOnlyCollection<string> alreadyStored)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(alreadyStored);
        foreach (var (field, value) in new[] { (nameof(Completed), Completed), (nameof(DrTestedOn), DrTestedOn), (nameof(PciLastVulnerabilityScan), PciLastVulnerabilityScan), (nameof(PciLastPenetrationTest), PciLastPenetrationTest) })
        {
            if (!string.IsNullOrWhiteSpace(value) && DateRange.Parse(value).Date is { } date && date > today)
            {
                errors.AddModelError(Prefix + field, string.Format(CultureInfo.InvariantCulture, Texts.FutureDate.In(language), Labels.Of[field].In(language), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (line, number) in SplitLines(Evidence).Select((l, i) => (l, i + 1)))
        {
            if (line.Length > 2000)
            {
                errors.AddModelError(Prefix + nameof(Evidence), string.Format(CultureInfo.InvariantCulture, Texts.EvidenceTooLong.In(language), number));
            }
            else if (!alreadyStored.Contains(line) && !IsWebAddress(line) && !InLibrary(line, library))
            {
                errors.AddModelError(Prefix + nameof(Evidence), string.Format(CultureInfo.InvariantCulture, Texts.NotInLibrary.In(language), number, line));
            }
        }
    }

    /// <summary>True when <paramref name="path"/> names a piece of <paramref name="library"/>, or is a folder ('/' at the end) holding one.</summary>
    public static bool InLibrary(string path, IReadOnlyCollection<string> library)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(library);
        return library.Contains(path) || (path.EndsWith('/') && library.Any(name => name.StartsWith(path, StringComparison.Ordinal)));
    }

    /// <summary>True for an absolute http or https address with a host.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0 && !text.Any(char.IsWhiteSpace);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool? Tri(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static string? Bool(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Lines(IReadOnlyList<string>? values) => values is null ? null : string.Join('\n', values);

    private static IEnumerable<string> SplitLines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static List<string>? List(string? text, bool stated) => stated ? SplitLines(text).ToList() : null;

    private static DateOnly? ParseDate(string? text, string field, ModelStateDictionary errors, Language language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateRange.Parse(text).Date is { } date)
        {
            return date;
        }

        errors.AddModelError(Prefix + field, Texts.BadDate.In(language));
        return null;
    }

    private static int? ParseMinutes(string? text, string field, ModelStateDictionary errors, Language language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes;
        }

        errors.AddModelError(Prefix + field, Texts.BadMinutes.In(language));
        return null;
    }

    /// <summary>The form's own texts.</summary>
    public static class Texts
    {
        public static readonly LocalizedString BadKey = new("Key: letters, digits, '-', '_' or '.', at most 100 characters, unique in the application (leave it empty to have it made from the customer's name).", "Clé : lettres, chiffres, « - », « _ » ou « . », 100 caractères au plus, unique dans la candidature (laissez-la vide pour qu'elle soit faite à partir du nom du client).");
        public static readonly LocalizedString NoKeyNorCustomer = new("Give the customer's name (the key is made from it) or a key.", "Indiquez le nom du client (la clé en est tirée) ou une clé.");
        public static readonly LocalizedString BadUrl = new("{0}: give a full web address starting with https:// or http://.", "{0} : indiquez une adresse web complète commençant par https:// ou http://.");
        public static readonly LocalizedString FutureDate = new("{0}: the date cannot be after today ({1}).", "{0} : la date ne peut pas être postérieure à aujourd'hui ({1}).");
        public static readonly LocalizedString NotInLibrary = new("Evidence, line {0}: \"{1}\" is not in your evidence library; upload it there first, or give an https:// address.", "Preuves, ligne {0} : « {1} » n'est pas dans votre bibliothèque de preuves ; ajoutez-la d'abord, ou indiquez une adresse https://.");
        public static readonly LocalizedString EvidenceTooLong = new("Evidence, line {0}: at most 2,000 characters.", "Preuves, ligne {0} : 2 000 caractères au plus.");
        public static readonly LocalizedString BadDate = new("Choose a day in the calendar, from 1900-01-01 to 2999-12-31.", "Choisissez un jour dans le calendrier, du 1900-01-01 au 2999-12-31.");
        public static readonly LocalizedString BadMinutes = new("Give a whole number of minutes, 0 or more.", "Indiquez un nombre entier de minutes, 0 ou plus.");
        public static readonly LocalizedString BadAvailability = new("Availability, line {0}: write \"component | RTO minutes | RPO minutes\".", "Disponibilité, ligne {0} : écrivez « composant | RTO en minutes | RPO en minutes ».");
        public static readonly LocalizedString TooMany = new("The application already holds {0} case studies, the most it may hold: remove one before adding another.", "La candidature compte déjà {0} études de cas, le maximum : supprimez-en une avant d'en ajouter une autre.");
        public static readonly LocalizedString DuplicateKey = new("Another case study of this application already has this key.", "Une autre étude de cas de cette candidature a déjà cette clé.");
    }
}
