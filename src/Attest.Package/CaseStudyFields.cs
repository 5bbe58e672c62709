using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Text;

namespace Attest.Package;

/// <summary>A case study's fields as label and value, in the order the checklist asks for them.</summary>
internal static class CaseStudyFields
{
    public static IReadOnlyList<(string Field, string Value)> Of(CaseStudy c, Language language)
    {
        string Text(string? value) => string.IsNullOrWhiteSpace(value) ? PackageTexts.NotStated.In(language) : value;
        string List(IReadOnlyList<string>? values) => values is null ? PackageTexts.NotStated.In(language) : values.Count == 0 ? PackageTexts.None.In(language) : string.Join(", ", values);
        string Flag(bool? value) => value switch { true => PackageTexts.YesWord.In(language), false => PackageTexts.NoWord.In(language), null => PackageTexts.NotStated.In(language) };
        string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? PackageTexts.NotStated.In(language);
        string Minutes(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

        var fields = new List<(string, string)>
        {
            (PackageTexts.Key.In(language), c.Key),
            (PackageTexts.Customer.In(language), Text(c.Customer)),
            (PackageTexts.CustomerWebsite.In(language), Text(c.CustomerWebsite)),
            (PackageTexts.Stage.In(language), c.Stage is { } stage ? Vocabulary.Stages.Display(stage).In(language) : Text(null)),
            (PackageTexts.UseCase.In(language), c.UseCase is { } useCase ? Vocabulary.UseCases.Display(useCase).In(language) : Text(null)),
            (PackageTexts.Delivery.In(language), c.Delivery is { } delivery ? Vocabulary.Deliveries.Display(delivery).In(language) : Text(null)),
            (PackageTexts.Completed.In(language), Date(c.Completed)),
            (PackageTexts.Problem.In(language), Text(c.Problem)),
            (PackageTexts.Solution.In(language), Text(c.Solution)),
            (PackageTexts.AwsServices.In(language), List(c.AwsServices)),
            (PackageTexts.RetailExpertise.In(language), Text(c.RetailExpertise)),
            (PackageTexts.ThirdParty.In(language), List(c.ThirdParty)),
            (PackageTexts.Results.In(language), Text(c.Results)),
            (PackageTexts.Compliance.In(language), List(c.Compliance)),
            (PackageTexts.PublicReference.In(language), Text(c.PublicReference?.Url)),
            (PackageTexts.Ecommerce.In(language), Flag(c.Ecommerce)),
            (PackageTexts.CardholderData.In(language), Flag(c.CardholderData)),
            (PackageTexts.Availability.In(language), c.Availability is null ? Text(null)
                : string.Join("\n", c.Availability.Select(a => PackageTexts.AvailabilityEntry.With(a.Component ?? "?", Minutes(a.RtoMinutes), Minutes(a.RpoMinutes)).In(language)))),
        };
        if (c.DisasterRecovery is { } dr)
        {
            fields.Add((PackageTexts.DisasterRecovery.In(language), PackageTexts.DisasterRecoveryEntry.With(Minutes(dr.RtoMinutes), Minutes(dr.RpoMinutes), Date(dr.TestedOn), Flag(dr.RunbookDelivered)).In(language)));
        }

        if (c.Pci is { } pci)
        {
            fields.Add((PackageTexts.Pci.In(language), PackageTexts.PciEntry.With(Date(pci.LastVulnerabilityScan), Date(pci.LastPenetrationTest)).In(language)));
        }

        fields.Add((PackageTexts.EvidenceReferences.In(language), List(c.Evidence)));
        return fields;
    }
}
