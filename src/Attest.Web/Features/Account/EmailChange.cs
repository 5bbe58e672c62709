using System.Globalization;
using System.Net.Mail;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Attest.Web.Features.Account;

/// <summary>
/// Changing the e-mail address an account signs in with. With e-mail configured, the new address must prove itself: a
/// link goes to it, the old address is told, and nothing changes until the link is opened. The address is also the
/// account's user name, so both change together.
/// </summary>
public static class EmailChange
{
    public const int MaxLength = 256;

    /// <summary>The problem with <paramref name="proposed"/> as the new address of <paramref name="user"/>, or null when it may be used.</summary>
    public static async Task<LocalizedString?> ProblemAsync(UserManager<AttestUser> users, AttestUser user, string proposed)
    {
        if (proposed.Length == 0)
        {
            return ChangeTexts.NewEmailRequired;
        }

        if (proposed.Length > MaxLength || !MailAddress.TryCreate(proposed, out var parsed) || parsed.Address != proposed)
        {
            return ChangeTexts.NewEmailBad;
        }

        if (string.Equals(proposed, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return ChangeTexts.NewEmailSame;
        }

        return await users.FindByEmailAsync(proposed) is { } other && other.Id != user.Id ? ChangeTexts.NewEmailTaken : null;
    }

    /// <summary>Sends the confirmation link to <paramref name="proposed"/> and a notice to the current address.</summary>
    public static async Task SendLinkAsync(UserManager<AttestUser> users, AttestOptions options, MailOutbox outbox, AttestUser user, string proposed, Language fallback)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, proposed);
        var link = options.PublicLink($"/account/confirm-email?user={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(proposed)}&token={Uri.EscapeDataString(token)}");
        var language = Languages.TryParse(user.PreferredLanguage, out var preferred) ? preferred : fallback;
        var name = user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? proposed;
        await outbox.PostAsync(new OutgoingMail(proposed, ChangeTexts.LinkSubject.In(language), string.Format(CultureInfo.InvariantCulture, ChangeTexts.LinkBody.In(language), name, user.Email, proposed, link)), CancellationToken.None);
        if (user.Email is { Length: > 0 } current)
        {
            await outbox.PostAsync(new OutgoingMail(current, ChangeTexts.NoticeSubject.In(language), string.Format(CultureInfo.InvariantCulture, ChangeTexts.NoticeBody.In(language), name, current, proposed)), CancellationToken.None);
        }
    }

    /// <summary>Puts <paramref name="proposed"/> in place as the address and user name, confirmed (an administrator's change without e-mail).</summary>
    public static async Task<IdentityResult> ApplyAsync(UserManager<AttestUser> users, AttestUser user, string proposed)
    {
        user.Email = proposed;
        user.EmailConfirmed = true;
        user.UserName = proposed;
        await users.UpdateNormalizedEmailAsync(user);
        await users.UpdateNormalizedUserNameAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return await users.UpdateAsync(user);
    }

    /// <summary>Whether <paramref name="token"/> is a valid link for changing <paramref name="user"/>'s address to <paramref name="proposed"/>.</summary>
    public static Task<bool> IsValidAsync(UserManager<AttestUser> users, AttestUser user, string proposed, string token) =>
        // The purpose Identity gives change-e-mail tokens ("ChangeEmail:" and the new address)
        users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, "ChangeEmail:" + proposed, token);
}

/// <summary>The texts of changing an e-mail address, in English and French.</summary>
public static class ChangeTexts
{
    public static readonly LocalizedString NewEmail = new("New e-mail address", "Nouvelle adresse e-mail");
    public static readonly LocalizedString NewEmailRequired = new("New e-mail address: required.", "Nouvelle adresse e-mail : obligatoire.");
    public static readonly LocalizedString NewEmailBad = new("New e-mail address: enter an address such as name@example.com.", "Nouvelle adresse e-mail : saisissez une adresse comme nom@exemple.fr.");
    public static readonly LocalizedString NewEmailSame = new("New e-mail address: it is already the account's address.", "Nouvelle adresse e-mail : c'est déjà l'adresse du compte.");
    public static readonly LocalizedString NewEmailTaken = new("New e-mail address: another account already uses it.", "Nouvelle adresse e-mail : un autre compte l'utilise déjà.");
    public static readonly LocalizedString LinkSentTo = new("A confirmation link is on its way to {0}. The address stays {1} until the link is opened (it works once, for 3 hours).", "Un lien de confirmation est en route vers {0}. L'adresse reste {1} tant que le lien n'est pas ouvert (il fonctionne une fois, pendant 3 heures).");
    public static readonly LocalizedString Changed = new("The e-mail address is now {0}.", "L'adresse e-mail est désormais {0}.");

    public static readonly LocalizedString ConfirmTitle = new("Confirm the new e-mail address", "Confirmer la nouvelle adresse e-mail");
    public static readonly LocalizedString ConfirmFor = new("The account {0} will sign in with {1} from now on.", "Le compte {0} se connectera désormais avec {1}.");
    public static readonly LocalizedString Confirm = new("Confirm the change", "Confirmer le changement");
    public static readonly LocalizedString ConfirmDone = new("Done: sign in with {0} from now on.", "C'est fait : connectez-vous désormais avec {0}.");
    public static readonly LocalizedString LinkInvalidTitle = new("This link does not work", "Ce lien ne fonctionne pas");
    public static readonly LocalizedString LinkInvalid = new("This confirmation link is not valid any more: a link works once, for 3 hours, and only while the account is unchanged. Ask for the change again.", "Ce lien de confirmation n'est plus valide : un lien fonctionne une fois, pendant 3 heures, et tant que le compte n'a pas changé. Demandez à nouveau le changement.");

    public static readonly LocalizedString LinkSubject = new("Confirm your new Attest e-mail address", "Confirmez votre nouvelle adresse e-mail Attest");
    public static readonly LocalizedString LinkBody = new(
        "Hello {0},\n\nThe Attest account {1} is to sign in with this address, {2}, from now on. To confirm it, open this link; it works once, for 3 hours:\n\n{3}\n\nIf you did not expect this e-mail, ignore it: nothing changes.\n",
        "Bonjour {0},\n\nLe compte Attest {1} doit désormais se connecter avec cette adresse, {2}. Pour la confirmer, ouvrez ce lien ; il fonctionne une fois, pendant 3 heures :\n\n{3}\n\nSi vous n'attendiez pas ce message, ignorez-le : rien ne change.\n");
    public static readonly LocalizedString NoticeSubject = new("Your Attest e-mail address is about to change", "Votre adresse e-mail Attest va changer");
    public static readonly LocalizedString NoticeBody = new(
        "Hello {0},\n\nA change of the e-mail address of the Attest account {1} to {2} was asked. It takes effect only when a link sent to {2} is opened.\n\nIf you did not ask for it, tell your administrator now.\n",
        "Bonjour {0},\n\nLe changement de l'adresse e-mail du compte Attest {1} en {2} a été demandé. Il ne prend effet que lorsqu'un lien envoyé à {2} est ouvert.\n\nSi vous ne l'avez pas demandé, prévenez votre administrateur dès maintenant.\n");
}
