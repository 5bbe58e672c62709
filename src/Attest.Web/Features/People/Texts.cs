using Attest.Core.Text;

namespace Attest.Web.Features.People;

/// <summary>The texts of the partner's people page, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString People = new("People", "Personnes");
    public static readonly LocalizedString PeopleOf = new("People of {0}", "Personnes de {0}");
    public static readonly LocalizedString Intro = new("Invite the alliance leads and contributors of your partner. Each link works once, for 7 days.", "Invitez les responsables d'alliance et les contributeurs de votre partenaire. Chaque lien fonctionne une fois, pendant 7 jours.");
    public static readonly LocalizedString Name = new("Name", "Nom");
    public static readonly LocalizedString Email = new("E-mail address", "Adresse e-mail");
    public static readonly LocalizedString Role = new("Role", "Rôle");
    public static readonly LocalizedString Choose = new("— choose —", "— choisir —");
}
