using Attest.Core.Text;

namespace Attest.Web.Features.Admin;

/// <summary>The texts of the administration pages, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Administration = new("Administration", "Administration");
    public static readonly LocalizedString HomeIntro = new("As administrator you set Attest up for the others: create the partners, invite their people and the program office, assign partner managers. You take no part in the applications themselves.", "En tant qu'administrateur, vous préparez Attest pour les autres : créez les partenaires, invitez leurs équipes et le bureau du programme, affectez les responsables partenaires. Vous ne prenez pas part aux candidatures elles-mêmes.");
    public static readonly LocalizedString GoToAdministration = new("Go to the administration", "Aller à l'administration");
    public static readonly LocalizedString Intro = new("Partners, users, partner-manager assignments and invitations. Administrators see no partner content.", "Partenaires, utilisateurs, affectations des responsables partenaires et invitations. Les administrateurs ne voient aucun contenu de partenaire.");
    public static readonly LocalizedString Partners = new("Partners", "Partenaires");
    public static readonly LocalizedString Users = new("Users", "Utilisateurs");
    public static readonly LocalizedString Assignments = new("Partner-manager assignments", "Affectations des responsables partenaires");
    public static readonly LocalizedString Invitations = new("Invitations", "Invitations");
    public static readonly LocalizedString Back = new("Administration", "Administration");

    public static readonly LocalizedString NoPartners = new("No partner yet.", "Aucun partenaire pour l'instant.");
    public static readonly LocalizedString NewPartner = new("Add a partner", "Ajouter un partenaire");
    public static readonly LocalizedString PartnerName = new("Partner name", "Nom du partenaire");
    public static readonly LocalizedString PartnerNameRequired = new("Partner name: required (at most 200 characters).", "Nom du partenaire : obligatoire (200 caractères au plus).");
    public static readonly LocalizedString PartnerNameTaken = new("Partner name: another partner already has this name.", "Nom du partenaire : un autre partenaire porte déjà ce nom.");
    public static readonly LocalizedString PartnerCreated = new("Partner added.", "Partenaire ajouté.");
    public static readonly LocalizedString Rename = new("Rename", "Renommer");
    public static readonly LocalizedString RenamePartner = new("Rename the partner", "Renommer le partenaire");
    public static readonly LocalizedString Renamed = new("Partner renamed.", "Partenaire renommé.");
    public static readonly LocalizedString PeopleCount = new("Users", "Utilisateurs");
    public static readonly LocalizedString ManagersOf = new("Partner managers assigned", "Responsables partenaires affectés");

    public static readonly LocalizedString Name = new("Name", "Nom");
    public static readonly LocalizedString Email = new("E-mail address", "Adresse e-mail");
    public static readonly LocalizedString Role = new("Role", "Rôle");
    public static readonly LocalizedString Partner = new("Partner", "Partenaire");
    public static readonly LocalizedString State = new("State", "État");
    public static readonly LocalizedString Active = new("Active", "Actif");
    public static readonly LocalizedString Locked = new("Locked", "Bloqué");
    public static readonly LocalizedString ChangeRole = new("Role and partner", "Rôle et partenaire");
    public static readonly LocalizedString RoleChanged = new("Role and partner saved.", "Rôle et partenaire enregistrés.");
    public static readonly LocalizedString NotYourself = new("You cannot change your own role or lock yourself out: ask another administrator.", "Vous ne pouvez pas changer votre propre rôle ni vous bloquer : demandez à un autre administrateur.");
    public static readonly LocalizedString AssignmentsDropped = new("Assignments to partners are kept only for partner managers; this user's were removed.", "Les affectations aux partenaires ne valent que pour les responsables partenaires ; celles de cet utilisateur ont été retirées.");
    public static readonly LocalizedString Access = new("Sign-in", "Connexion");
    public static readonly LocalizedString Lock = new("Lock this account", "Bloquer ce compte");
    public static readonly LocalizedString Unlock = new("Unlock this account", "Débloquer ce compte");
    public static readonly LocalizedString AuditTrail = new("Audit trail", "Piste d'audit");
    public static readonly LocalizedString AuditTrailIntro = new("Every workflow step, who did it and when, before and after, each entry sealed with the hash of the one before: an edited, deleted, inserted or reordered entry breaks the chain.", "Chaque étape du parcours, qui l'a faite et quand, avant et après, chaque entrée scellée par l'empreinte de la précédente : une entrée modifiée, supprimée, insérée ou déplacée rompt la chaîne.");
    public static readonly LocalizedString ChainIntact = new("The chain is intact: {0} entr(ies) checked.", "La chaîne est intacte : {0} entrée(s) vérifiée(s).");
    public static readonly LocalizedString ChainBroken = new("The chain is broken at entry #{0}", "La chaîne est rompue à l'entrée n° {0}");
    public static readonly LocalizedString ExportCsv = new("Export the trail (CSV)", "Exporter la piste (CSV)");
    public static readonly LocalizedString VerifyFromCli = new("From the server's shell: attest audit verify --database data/attest.db (it also catches entries removed at the end with --expect-last, given the last entry noted earlier).", "Depuis le terminal du serveur : attest audit verify --database data/attest.db (avec --expect-last et la dernière entrée notée plus tôt, il repère aussi des entrées retirées à la fin).");
    public static readonly LocalizedString LatestEntries = new("The {0} latest entries", "Les {0} dernières entrées");
    public static readonly LocalizedString When = new("When", "Quand");
    public static readonly LocalizedString Who = new("Who", "Qui");
    public static readonly LocalizedString What = new("What", "Quoi");
    public static readonly LocalizedString Entity = new("On", "Sur");
    public static readonly LocalizedString ChangeEmail = new("Change the e-mail address", "Changer l'adresse e-mail");
    public static readonly LocalizedString ChangeEmailByLink = new("A confirmation link goes to the new address and the current one is told; the change takes effect when the link is opened.", "Un lien de confirmation part vers la nouvelle adresse et l'adresse actuelle est prévenue ; le changement prend effet à l'ouverture du lien.");
    public static readonly LocalizedString ChangeEmailAtOnce = new("E-mail is not configured, so the new address takes effect at once, as you vouch for it; the user signs in with it from now on.", "L'envoi d'e-mails n'est pas configuré : la nouvelle adresse prend effet immédiatement, sous votre responsabilité ; l'utilisateur se connecte désormais avec elle.");
    public static readonly LocalizedString LockHint = new("A locked user cannot sign in until unlocked; sessions already open end within 30 minutes.", "Un utilisateur bloqué ne peut plus se connecter jusqu'au déblocage ; les sessions déjà ouvertes prennent fin dans les 30 minutes.");
    public static readonly LocalizedString WasLocked = new("Account locked.", "Compte bloqué.");
    public static readonly LocalizedString WasUnlocked = new("Account unlocked.", "Compte débloqué.");

    public static readonly LocalizedString NoManagers = new("No partner manager yet: invite one, or give a user that role.", "Aucun responsable partenaire pour l'instant : invitez-en un, ou donnez ce rôle à un utilisateur.");
    public static readonly LocalizedString NoAssignments = new("No assignment yet.", "Aucune affectation pour l'instant.");
    public static readonly LocalizedString Manager = new("Partner manager", "Responsable partenaire");
    public static readonly LocalizedString Assign = new("Assign", "Affecter");
    public static readonly LocalizedString AssignTitle = new("Assign a partner manager to a partner", "Affecter un responsable partenaire à un partenaire");
    public static readonly LocalizedString Unassign = new("Unassign", "Retirer");
    public static readonly LocalizedString UnassignFrom = new("Unassign {0} from {1}", "Retirer {0} de {1}");
    public static readonly LocalizedString Assigned = new("Assigned.", "Affecté.");
    public static readonly LocalizedString UnassignQuestion = new("Unassign {0} from {1}?", "Retirer {0} de {1} ?");
    public static readonly LocalizedString UnassignConsequence = new("{0} will no longer see the applications of {1}, nor review them. You can assign them again later.", "{0} ne verra plus les candidatures de {1} et ne pourra plus les relire. Vous pourrez l'affecter de nouveau plus tard.");
    public static readonly LocalizedString UnassignConfirm = new("Yes, unassign", "Oui, retirer");
    public static readonly LocalizedString Cancel = new("Cancel", "Annuler");
    public static readonly LocalizedString Unassigned = new("Assignment removed.", "Affectation retirée.");
    public static readonly LocalizedString ManagerRequired = new("Partner manager: choose a user with the partner manager role.", "Responsable partenaire : choisissez un utilisateur ayant le rôle de responsable partenaire.");
    public static readonly LocalizedString PartnerRequired = new("Partner: choose a partner.", "Partenaire : choisissez un partenaire.");

    public static readonly LocalizedString Choose = new("— choose —", "— choisir —");
    public static readonly LocalizedString CreatedBy = new("Invited by", "Invité par");
}
