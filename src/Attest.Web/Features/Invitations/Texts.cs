using Attest.Core.Text;
using Attest.Web.Data;

namespace Attest.Web.Features.Invitations;

/// <summary>The texts of invitations (issuing and accepting), in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Email = new("E-mail address", "Adresse e-mail");
    public static readonly LocalizedString Role = new("Role", "Rôle");
    public static readonly LocalizedString Partner = new("Partner", "Partenaire");
    public static readonly LocalizedString NoPartner = new("— none —", "— aucun —");
    public static readonly LocalizedString Required = new("required.", "obligatoire.");
    public static readonly LocalizedString BadEmail = new("E-mail address: enter an address such as name@example.com.", "Adresse e-mail : saisissez une adresse comme nom@exemple.fr.");
    public static readonly LocalizedString PartnerNeeded = new("Partner: an alliance lead or a contributor belongs to a partner; choose one.", "Partenaire : un responsable d'alliance ou un contributeur appartient à un partenaire ; choisissez-en un.");
    public static readonly LocalizedString PartnerHint = new("Only for an alliance lead or a contributor.", "Seulement pour un responsable d'alliance ou un contributeur.");
    public static readonly LocalizedString AlreadyInvited = new("E-mail address: an invitation to this address is already waiting to be accepted; revoke it in the list below before sending a new one.", "Adresse e-mail : une invitation à cette adresse attend déjà d'être acceptée ; révoquez-la dans la liste ci-dessous avant d'en envoyer une nouvelle.");
    public static readonly LocalizedString CopyLink = new("Copy the link", "Copier le lien");
    public static readonly LocalizedString Copied = new("Link copied.", "Lien copié.");
    public static readonly LocalizedString UserExists = new("E-mail address: a user with this address already exists.", "Adresse e-mail : un utilisateur a déjà cette adresse.");
    public static readonly LocalizedString Invite = new("Invite", "Inviter");
    public static readonly LocalizedString InviteTitle = new("Invite someone", "Inviter quelqu'un");
    public static readonly LocalizedString LinkIssued = new("Invitation created for {0}. Copy this link now and send it to them: it is shown only once and works until {1}.", "Invitation créée pour {0}. Copiez ce lien maintenant et envoyez-le-lui : il n'est affiché qu'une fois et fonctionne jusqu'au {1}.");
    public static readonly LocalizedString Link = new("Invitation link", "Lien d'invitation");
    public static readonly LocalizedString Pending = new("Pending invitations", "Invitations en attente");
    public static readonly LocalizedString NoPending = new("No pending invitation.", "Aucune invitation en attente.");
    public static readonly LocalizedString Expires = new("Expires", "Expire le");
    public static readonly LocalizedString Revoke = new("Revoke", "Révoquer");
    public static readonly LocalizedString RevokeFor = new("Revoke the invitation of {0}", "Révoquer l'invitation de {0}");
    public static readonly LocalizedString Revoked = new("Invitation revoked: its link no longer works.", "Invitation révoquée : son lien ne fonctionne plus.");

    public static readonly LocalizedString AcceptTitle = new("Join Attest", "Rejoindre Attest");
    public static readonly LocalizedString AcceptAs = new("You are invited to join Attest as {0}.", "Vous êtes invité à rejoindre Attest en tant que {0}.");
    public static readonly LocalizedString AcceptAsOf = new("You are invited to join Attest as {0} of {1}.", "Vous êtes invité à rejoindre Attest en tant que {0} de {1}.");
    public static readonly LocalizedString AcceptEmail = new("Your account will use the e-mail address {0}.", "Votre compte utilisera l'adresse e-mail {0}.");
    public static readonly LocalizedString CreateAccount = new("Create my account", "Créer mon compte");
    public static readonly LocalizedString EmailTaken = new("An account with this e-mail address already exists: sign in instead.", "Un compte existe déjà avec cette adresse e-mail : connectez-vous plutôt.");
    public static readonly LocalizedString InvalidTitle = new("This invitation link does not work", "Ce lien d'invitation ne fonctionne pas");
    public static readonly LocalizedString Unknown = new("The link is not valid: it may be mistyped, or the invitation was revoked. Ask the person who invited you for a new link.", "Le lien n'est pas valide : il est peut-être mal recopié, ou l'invitation a été révoquée. Demandez un nouveau lien à la personne qui vous a invité.");
    public static readonly LocalizedString Expired = new("This invitation expired on {0}. Ask the person who invited you for a new link.", "Cette invitation a expiré le {0}. Demandez un nouveau lien à la personne qui vous a invité.");
    public static readonly LocalizedString Used = new("This invitation has already been used to create an account. Sign in with that account.", "Cette invitation a déjà servi à créer un compte. Connectez-vous avec ce compte.");

    public static readonly LocalizedString MailSent = new("It was also sent to {0} by e-mail.", "Il a aussi été envoyé à {0} par e-mail.");
    public static readonly LocalizedString MailFailed = new("The e-mail to {0} could not be sent: send them the link yourself.", "L'e-mail à {0} n'a pas pu être envoyé : envoyez-lui le lien vous-même.");
    public static readonly LocalizedString MailSubject = new("You are invited to Attest", "Invitation à rejoindre Attest");
    public static readonly LocalizedString MailBody = new(
        "Hello,\n\nYou are invited to join Attest as {0}. To create your account, open this link; it works once, until {1}:\n\n{2}\n\nIf you did not expect this invitation, ignore this e-mail.\n",
        "Bonjour,\n\nVous êtes invité à rejoindre Attest en tant que {0}. Pour créer votre compte, ouvrez ce lien ; il fonctionne une fois, jusqu'au {1} :\n\n{2}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.\n");

    /// <summary>The name of a role, as PRODUCT.md calls it.</summary>
    public static LocalizedString RoleName(UserRole role) => role switch
    {
        UserRole.AllianceLead => new("partner alliance lead", "responsable d'alliance du partenaire"),
        UserRole.Contributor => new("partner contributor", "contributeur du partenaire"),
        UserRole.PartnerManager => new("partner manager (PDM/PDR)", "responsable partenaire (PDM/PDR)"),
        UserRole.ProgramOffice => new("program office", "bureau du programme"),
        UserRole.Auditor => new("auditor", "auditeur"),
        UserRole.Administrator => new("administrator", "administrateur"),
        _ => new(role.ToString(), role.ToString()),
    };
}
