using Attest.Core.Text;

namespace Attest.Web.Features.Account;

/// <summary>The texts of password reset and single sign-on, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString ForgotLink = new("Forgot your password?", "Mot de passe oublié ?");
    public static readonly LocalizedString ForgotTitle = new("Reset your password", "Réinitialiser votre mot de passe");
    public static readonly LocalizedString ForgotIntro = new("Enter the e-mail address of your account: we will send a link to choose a new password to it.", "Saisissez l'adresse e-mail de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.");
    public static readonly LocalizedString SendLink = new("Send the link", "Envoyer le lien");
    public static readonly LocalizedString LinkSent = new("If an account uses this address, a link to choose a new password is on its way to it. The link works once, for 3 hours. Nothing arrived? Look in the spam folder, or ask your administrator.", "Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe est en route vers elle. Le lien fonctionne une fois, pendant 3 heures. Rien reçu ? Regardez dans les indésirables, ou demandez à votre administrateur.");
    public static readonly LocalizedString BadEmail = new("E-mail address: enter an address such as name@example.com.", "Adresse e-mail : saisissez une adresse comme nom@exemple.fr.");
    public static readonly LocalizedString EmailRequired = new("E-mail address: required.", "Adresse e-mail : obligatoire.");

    public static readonly LocalizedString ResetTitle = new("Choose a new password", "Choisir un nouveau mot de passe");
    public static readonly LocalizedString ResetFor = new("For the account {0}.", "Pour le compte {0}.");
    public static readonly LocalizedString NewPassword = new("New password", "Nouveau mot de passe");
    public static readonly LocalizedString ChangePassword = new("Change my password", "Changer mon mot de passe");
    public static readonly LocalizedString PasswordRequired = new("New password: required.", "Nouveau mot de passe : obligatoire.");
    public static readonly LocalizedString PasswordWeak = new("New password: at least 12 characters, with a digit, a lower-case and an upper-case letter.", "Nouveau mot de passe : au moins 12 caractères, avec un chiffre, une minuscule et une majuscule.");
    public static readonly LocalizedString ResetDone = new("Your password is changed. Sign in with it now.", "Votre mot de passe est changé. Connectez-vous avec lui maintenant.");
    public static readonly LocalizedString LinkInvalidTitle = new("This link does not work", "Ce lien ne fonctionne pas");
    public static readonly LocalizedString LinkInvalid = new("This password-reset link is not valid any more: a link works once, for 3 hours, and only while the password is unchanged. Ask for a new one.", "Ce lien de réinitialisation n'est plus valide : un lien fonctionne une fois, pendant 3 heures, et tant que le mot de passe n'a pas changé. Demandez-en un nouveau.");
    public static readonly LocalizedString AskAgain = new("Ask for a new link", "Demander un nouveau lien");

    public static readonly LocalizedString ResetSubject = new("Choose a new Attest password", "Choisir un nouveau mot de passe Attest");
    public static readonly LocalizedString ResetBody = new(
        "Hello {0},\n\nSomeone, probably you, asked to reset the password of the Attest account {1}. To choose a new password, open this link; it works once, for 3 hours:\n\n{2}\n\nIf you did not ask for it, ignore this e-mail: your password stays as it is.\n",
        "Bonjour {0},\n\nQuelqu'un, probablement vous, a demandé à réinitialiser le mot de passe du compte Attest {1}. Pour choisir un nouveau mot de passe, ouvrez ce lien ; il fonctionne une fois, pendant 3 heures :\n\n{2}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.\n");

    public static readonly LocalizedString SignInWith = new("Sign in with {0}", "Se connecter avec {0}");
    public static readonly LocalizedString OrganisationAccount = new("your organisation's account", "le compte de votre organisation");
    public static readonly LocalizedString ExternalRefused = new("You cannot sign in this way", "Vous ne pouvez pas vous connecter ainsi");
    public static readonly LocalizedString NoAccount = new("No Attest account uses the address {0}. Accounts are created by invitation only: ask your administrator for an invitation.", "Aucun compte Attest n'utilise l'adresse {0}. Les comptes sont créés uniquement sur invitation : demandez une invitation à votre administrateur.");
    public static readonly LocalizedString Unverified = new("{0} has not verified the address {1}, so it cannot be matched to an Attest account. Have it verified with {0}, or ask your administrator.", "{0} n'a pas vérifié l'adresse {1} : elle ne peut donc pas être rattachée à un compte Attest. Faites-la vérifier auprès de {0}, ou demandez à votre administrateur.");
    public static readonly LocalizedString NoEmail = new("{0} did not tell Attest your e-mail address, so it cannot find your account. Ask your administrator.", "{0} n'a pas transmis votre adresse e-mail à Attest, qui ne peut donc pas trouver votre compte. Demandez à votre administrateur.");
    public static readonly LocalizedString Locked = new("This Attest account is locked: it cannot sign in for now. Ask your administrator.", "Ce compte Attest est bloqué : il ne peut pas se connecter pour l'instant. Demandez à votre administrateur.");
    public static readonly LocalizedString NotCompleted = new("Signing in with {0} did not complete. Try again from the sign-in page.", "La connexion avec {0} n'a pas abouti. Réessayez depuis la page de connexion.");
    public static readonly LocalizedString BackToSignIn = new("Back to sign in", "Retour à la connexion");
}
