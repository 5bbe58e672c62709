using Attest.Core.Text;

namespace Attest.Web.Features.Tokens;

/// <summary>The texts of the API tokens page, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Title = new("API tokens", "Jetons d'API");
    public static readonly LocalizedString Intro = new(
        "A personal API token lets a script or a CI job use the Attest API as you, with your access. Send it as \"Authorization: Bearer <token>\". The API is described at /openapi/v1.json.",
        "Un jeton d'API personnel permet à un script ou à une tâche d'intégration continue d'utiliser l'API d'Attest en votre nom, avec vos droits. Envoyez-le dans l'en-tête « Authorization: Bearer <jeton> ». L'API est décrite dans /openapi/v1.json.");
    public static readonly LocalizedString Create = new("Create a token", "Créer un jeton");
    public static readonly LocalizedString Name = new("Name", "Nom");
    public static readonly LocalizedString NameHint = new("What the token is for, e.g. \"CI readiness check\".", "À quoi sert le jeton, par exemple « vérification en intégration continue ».");
    public static readonly LocalizedString NameRequired = new("Name: required (at most 100 characters).", "Nom : obligatoire (100 caractères au plus).");
    public static readonly LocalizedString TooMany = new("You have {0} active tokens, the most allowed: revoke one first.", "Vous avez {0} jetons actifs, le maximum autorisé : révoquez-en un d'abord.");
    public static readonly LocalizedString Created = new("Your new token", "Votre nouveau jeton");
    public static readonly LocalizedString ShownOnce = new(
        "Copy it now: it is shown only this once. Attest keeps only a fingerprint of it and cannot show it again.",
        "Copiez-le maintenant : il n'est affiché qu'une seule fois. Attest n'en garde qu'une empreinte et ne peut pas le réafficher.");
    public static readonly LocalizedString YourTokens = new("Your tokens", "Vos jetons");
    public static readonly LocalizedString NoTokens = new("No token yet.", "Aucun jeton pour l'instant.");
    public static readonly LocalizedString Prefix = new("Starts with", "Commence par");
    public static readonly LocalizedString CreatedAt = new("Created", "Créé le");
    public static readonly LocalizedString LastUsed = new("Last used", "Dernière utilisation");
    public static readonly LocalizedString Never = new("never", "jamais");
    public static readonly LocalizedString State = new("State", "État");
    public static readonly LocalizedString Active = new("active", "actif");
    public static readonly LocalizedString RevokedOn = new("revoked on {0}", "révoqué le {0}");
    public static readonly LocalizedString Revoke = new("Revoke", "Révoquer");
    public static readonly LocalizedString RevokeNamed = new("Revoke the token {0}", "Révoquer le jeton {0}");
    public static readonly LocalizedString Revoked = new("The token is revoked: it no longer works.", "Le jeton est révoqué : il ne fonctionne plus.");
}
