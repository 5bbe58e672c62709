using Attest.Core.Text;

namespace Attest.Web.Features.Settings;

/// <summary>The texts of the user's own account page, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Title = new("My account", "Mon compte");
    public static readonly LocalizedString Intro = new("How you sign in to Attest.", "Comment vous vous connectez à Attest.");
    public static readonly LocalizedString Email = new("E-mail address", "Adresse e-mail");
    public static readonly LocalizedString Role = new("Role", "Rôle");
    public static readonly LocalizedString Password = new("Password", "Mot de passe");
    public static readonly LocalizedString CurrentPassword = new("Current password", "Mot de passe actuel");
    public static readonly LocalizedString CurrentPasswordRequired = new("Current password: required.", "Mot de passe actuel : obligatoire.");
    public static readonly LocalizedString CurrentPasswordWrong = new("Current password: it is not the right one.", "Mot de passe actuel : ce n'est pas le bon.");
    public static readonly LocalizedString PasswordChanged = new("Your password is changed. Your other sessions are signed out.", "Votre mot de passe est changé. Vos autres sessions sont déconnectées.");
    public static readonly LocalizedString NoPassword = new("Your account signs in through your organisation's single sign-on; it has no Attest password.", "Votre compte se connecte par l'authentification unique de votre organisation ; il n'a pas de mot de passe Attest.");
    public static readonly LocalizedString ChangeEmail = new("Change my e-mail address", "Changer mon adresse e-mail");
    public static readonly LocalizedString ChangeEmailHint = new("A confirmation link goes to the new address; the change takes effect when it is opened.", "Un lien de confirmation part vers la nouvelle adresse ; le changement prend effet à son ouverture.");
    public static readonly LocalizedString EmailByAdministrator = new("E-mail is not configured on this Attest, so an administrator changes addresses: ask yours.", "L'envoi d'e-mails n'est pas configuré sur cet Attest : un administrateur change les adresses, demandez au vôtre.");
    public static readonly LocalizedString SendLink = new("Send the confirmation link", "Envoyer le lien de confirmation");
}
