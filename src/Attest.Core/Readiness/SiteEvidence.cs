using Attest.Core.Site;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>How the web-site rules (PRE-2.2, PRE-3.1, PRE-3.2) use a site observation in place of the partner's declaration.</summary>
internal static class SiteEvidence
{
    private static readonly Phrase OtherSite = new(
        "The site observation of {0} started from {1}, which is not the declared home page {2}; it was not used.",
        "L'observation du site du {0} est partie de {1}, qui n'est pas la page d'accueil déclarée {2} ; elle n'a pas été utilisée.");

    private static readonly Phrase Unknown = new(
        "The site observation of {0} cannot tell whether {1} is reachable (the crawl stopped at its bounds: {2}, or the address is on another site it did not look for); the declaration is used.",
        "L'observation du site du {0} ne permet pas de savoir si {1} est accessible (l'exploration s'est arrêtée à ses limites : {2}, ou l'adresse est sur un autre site qu'elle n'a pas cherché) ; la déclaration est retenue.");

    private static readonly Phrase NoBound = new("none", "aucune");

    /// <summary>The observation when it is about the partner's declared home page; otherwise null, with a note saying why it was set aside.</summary>
    public static (SiteObservation? Site, Message? Note) Usable(EvaluationContext context)
    {
        if (context.Site is not { } site)
        {
            return (null, null);
        }

        return UsableSite(context.Application, site) is null
            ? (null, OtherSite.With(site.ObservedOn, site.StartUrl, context.Application.Partner.Homepage))
            : (site, null);
    }

    /// <summary>The observation when it is about the application's declared home page (or none is declared); otherwise null.</summary>
    public static SiteObservation? UsableSite(Applications.Application application, SiteObservation? site)
    {
        var home = application.Partner.Homepage;
        return site is not null && (string.IsNullOrWhiteSpace(home) || SiteAddress.SameSite(site.StartUrl, home)) ? site : null;
    }

    /// <summary>The note for an address the observation cannot judge.</summary>
    public static Message CannotTell(SiteObservation site, string url) =>
        Unknown.With(site.ObservedOn, url, site.LimitsHit.Count == 0 ? (object)NoBound.Message() : string.Join(", ", site.LimitsHit.Select(SiteObservationJson.Names.Limit)));
}
