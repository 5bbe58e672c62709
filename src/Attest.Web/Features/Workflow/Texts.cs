using Attest.Core.Text;
using Attest.Core.Workflow;

namespace Attest.Web.Features.Workflow;

/// <summary>The texts of the submission, review and audit pages, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Workflow = new("Submission and audit", "Soumission et audit");
    public static readonly LocalizedString State = new("State", "État");
    public static readonly LocalizedString History = new("History", "Historique");
    public static readonly LocalizedString NoHistory = new("Nothing has happened yet.", "Rien ne s'est encore passé.");
    public static readonly LocalizedString Actions = new("What you can do", "Ce que vous pouvez faire");
    public static readonly LocalizedString Done = new("Done.", "C'est fait.");
    public static readonly LocalizedString Conflict = new("Someone else changed this application at the same time; nothing of yours was saved. Look at the page again and retry.", "Quelqu'un d'autre a modifié cette candidature au même moment ; rien de votre part n'a été enregistré. Regardez de nouveau la page puis réessayez.");
    public static readonly LocalizedString Refused = new("Not done", "Non effectué");
    public static readonly LocalizedString Note = new("Note (optional)", "Note (facultative)");
    public static readonly LocalizedString Date = new("Date", "Date");
    public static readonly LocalizedString Who = new("Who", "Qui");
    public static readonly LocalizedString What = new("What", "Quoi");

    // Review
    public static readonly LocalizedString Review = new("Review before submission", "Revue avant soumission");
    public static readonly LocalizedString ReviewIntro = new("The checklist recommends that your partner manager reviews the application before you submit it.", "La liste de contrôle recommande que votre responsable partenaire relise la candidature avant que vous la soumettiez.");
    public static readonly LocalizedString Reviewer = new("Partner manager", "Responsable partenaire");
    public static readonly LocalizedString NoManager = new("No partner manager is assigned to your partner yet; ask your administrator.", "Aucun responsable partenaire n'est encore affecté à votre partenaire ; demandez-le à votre administrateur.");
    public static readonly LocalizedString AskReview = new("Ask for a review", "Demander une revue");
    public static readonly LocalizedString Comment = new("Comment", "Commentaire");
    public static readonly LocalizedString WholeApplication = new("The application as a whole", "La candidature dans son ensemble");
    public static readonly LocalizedString AddComment = new("Add the comment", "Ajouter le commentaire");
    public static readonly LocalizedString CompleteReview = new("Mark the review done", "Marquer la revue comme terminée");
    public static readonly LocalizedString Summary = new("Closing remark (optional)", "Remarque finale (facultative)");
    public static readonly LocalizedString ReviewOpen = new("Review asked of {0} on {1}; not done yet.", "Revue demandée à {0} le {1} ; pas encore terminée.");
    public static readonly LocalizedString ReviewDone = new("Reviewed by {0} on {1}.", "Revue faite par {0} le {1}.");
    public static readonly LocalizedString NoReview = new("No review has been done.", "Aucune revue n'a été faite.");
    public static readonly LocalizedString Comments = new("Comments", "Commentaires");

    // Submit
    public static readonly LocalizedString Submit = new("Submit", "Soumettre");
    public static readonly LocalizedString Resubmit = new("Submit again", "Soumettre à nouveau");
    public static readonly LocalizedString SubmitIntro = new("Submitting freezes a numbered version: the application as it is now, its readiness report as of today and the SHA-256 of every file attached to it. The program office then answers within {0} business days.", "La soumission fige une version numérotée : la candidature telle qu'elle est, son rapport de préparation à la date du jour et le SHA-256 de chaque fichier qui lui est joint. Le bureau du programme répond ensuite sous {0} jours ouvrés.");
    public static readonly LocalizedString PrerequisitesNotMet = new("Prerequisites not met", "Prérequis non respectés");
    public static readonly LocalizedString Withdraw = new("Withdraw the application", "Retirer la candidature");
    public static readonly LocalizedString WithdrawWarning = new("Withdrawing is final.", "Le retrait est définitif.");
    public static readonly LocalizedString Submitted = new("Version {0} was submitted.", "La version {0} a été soumise.");

    // Versions
    public static readonly LocalizedString Versions = new("Versions", "Versions");
    public static readonly LocalizedString NoVersions = new("Nothing has been submitted yet.", "Rien n'a encore été soumis.");
    public static readonly LocalizedString VersionN = new("Version {0}", "Version {0}");
    public static readonly LocalizedString SubmittedAt = new("Submitted", "Soumise le");
    public static readonly LocalizedString ContentHash = new("Content SHA-256", "SHA-256 du contenu");
    public static readonly LocalizedString Intact = new("The stored content matches its hash.", "Le contenu stocké correspond à son empreinte.");
    public static readonly LocalizedString NotIntact = new("The stored content does NOT match its hash.", "Le contenu stocké NE correspond PAS à son empreinte.");
    public static readonly LocalizedString EvidenceHashes = new("Evidence (SHA-256)", "Preuves (SHA-256)");
    public static readonly LocalizedString Package = new("Submission package", "Dossier de soumission");
    public static readonly LocalizedString SendPackage = new("E-mail it to the program office ({0}) with the workbook attached", "L'envoyer par e-mail au bureau du programme ({0}), classeur en pièce jointe");
    public static readonly LocalizedString PackageSent = new("The e-mail to {0} is on its way.", "L'e-mail à {0} est en route.");
    public static readonly LocalizedString NotFrozen = new(
        "This version was submitted before analyzer findings and the site observation were frozen with versions: it is judged on its frozen application text alone, without findings or site observation, so some verdicts may differ from its frozen readiness report.",
        "Cette version a été soumise avant que les constats des analyseurs et l'observation du site ne soient figés avec les versions : elle est jugée sur le seul texte figé de sa candidature, sans constats ni observation du site ; certains verdicts peuvent donc différer de son rapport de préparation figé.");
    public static readonly LocalizedString FrozenFindings = new(
        "Judged on what was frozen with it: {0} analyzer finding(s) over {1} case study(ies), and {2}.",
        "Jugée sur ce qui a été figé avec elle : {0} constat(s) des analyseurs sur {1} étude(s) de cas, et {2}.");
    public static readonly LocalizedString WithSite = new("the web site observation of that day", "l'observation du site web de ce jour-là");
    public static readonly LocalizedString WithoutSite = new("no web site observation", "aucune observation du site web");
    public static readonly LocalizedString PendingAtSubmission = new(
        "{0} of {1} attached file(s) are still waiting for their analysis: submitted now, this version is judged without their findings.",
        "{0} fichier(s) joint(s) sur {1} attendent encore leur analyse : soumise maintenant, cette version est jugée sans leurs constats.");
    public static readonly LocalizedString PackageOfVersion = new("Made from this version as it was frozen: its application, readiness as of the day it was submitted, and the evidence files with the SHA-256 recorded then.", "Fait à partir de cette version telle qu'elle a été figée : sa candidature, la préparation au jour de la soumission, et les fichiers de preuve avec le SHA-256 relevé alors.");
    public static readonly LocalizedString Changes = new("Changes from version {0} to version {1}", "Changements de la version {0} à la version {1}");
    public static readonly LocalizedString SeeChanges = new("What changed since the version before", "Ce qui a changé depuis la version précédente");
    public static readonly LocalizedString NoChanges = new("Nothing changed.", "Rien n'a changé.");
    public static readonly LocalizedString Before = new("Before", "Avant");
    public static readonly LocalizedString After = new("After", "Après");
    public static readonly LocalizedString General = new("Profile and evidence", "Profil et preuves");
    public static readonly LocalizedString ApplicationText = new("The application as submitted (format v1)", "La candidature telle que soumise (format v1)");

    // Thread
    public static readonly LocalizedString Thread = new("Information requests", "Demandes d'informations");
    public static readonly LocalizedString NoMessages = new("No message yet.", "Aucun message pour l'instant.");
    public static readonly LocalizedString Message = new("Message", "Message");
    public static readonly LocalizedString Items = new("Items concerned (optional, e.g. VAL-2.4 PRE-3.1)", "Éléments concernés (facultatif, p. ex. VAL-2.4 PRE-3.1)");
    public static readonly LocalizedString Attachments = new("Attach files from your evidence library", "Joindre des fichiers de votre bibliothèque de preuves");
    public static readonly LocalizedString Reply = new("Send the answer", "Envoyer la réponse");
    public static readonly LocalizedString Request = new("Request", "Demande");
    public static readonly LocalizedString Answer = new("Answer", "Réponse");

    // Office
    public static readonly LocalizedString Queue = new("Program office queue", "File du bureau du programme");
    public static readonly LocalizedString EmptyQueue = new("No application is waiting.", "Aucune candidature n'attend.");
    public static readonly LocalizedString Due = new("Answer due", "Réponse attendue le");
    public static readonly LocalizedString Overdue = new("overdue by {0} business days", "en retard de {0} jours ouvrés");
    public static readonly LocalizedString QueueReadiness = new("Readiness (submitted version)", "Préparation (version soumise)");
    public static readonly LocalizedString QueueVersion = new("Version", "Version");
    public static readonly LocalizedString DaysLeft = new("{0} of {1} business days left", "{0} sur {1} jours ouvrés restants");
    public static readonly LocalizedString DueToday = new("due today", "attendue aujourd'hui");
    public static readonly LocalizedString OfficeActions = new("Program office", "Bureau du programme");
    public static readonly LocalizedString StartReview = new("Start the review", "Commencer l'examen");
    public static readonly LocalizedString RequestInformation = new("Request information", "Demander des informations");
    public static readonly LocalizedString ScheduleAudit = new("Schedule the audit", "Planifier l'audit");
    public static readonly LocalizedString RescheduleAudit = new("Reschedule the audit", "Replanifier l'audit");
    public static readonly LocalizedString AuditDate = new("Date", "Date");
    public static readonly LocalizedString AuditTime = new("Start time", "Heure de début");
    public static readonly LocalizedString TimeZone = new("Time zone", "Fuseau horaire");
    public static readonly LocalizedString TimeZoneHint = new("The zone the date and time are in, as a region and city (e.g. Europe/Paris).", "Le fuseau de la date et de l'heure, sous la forme région/ville (p. ex. Europe/Paris).");
    public static readonly LocalizedString Duration = new("Duration in minutes", "Durée en minutes");
    public static readonly LocalizedString Auditor = new("Auditor", "Auditeur");
    public static readonly LocalizedString Location = new("Where (meeting link or room)", "Où (lien de réunion ou salle)");
    public static readonly LocalizedString Attendees = new("Attendees (rows left empty are ignored)", "Participants (les lignes laissées vides sont ignorées)");
    public static readonly LocalizedString AttendeeRow = new("Attendee {0}", "Participant {0}");
    public static readonly LocalizedString AttendeeNameLabel = new("Name", "Nom");
    public static readonly LocalizedString AttendeeEmailLabel = new("E-mail", "E-mail");
    public static readonly LocalizedString AttendeeRoleLabel = new("Role at the audit", "Rôle lors de l'audit");
    public static readonly LocalizedString AddAttendee = new("Add a person", "Ajouter une personne");
    public static readonly LocalizedString Decide = new("Record the decision", "Enregistrer la décision");
    public static readonly LocalizedString Decision = new("Decision", "Décision");
    public static readonly LocalizedString DecidedPackage = new("The package of version {0}, on which the decision was made", "Le dossier de la version {0}, sur laquelle porte la décision");
    public static readonly LocalizedString SubmittedPackages = new("Submission packages", "Dossiers de soumission");
    public static readonly LocalizedString Validated = new("Validated", "Validée");
    public static readonly LocalizedString NotValidated = new("Not validated", "Non validée");
    public static readonly LocalizedString FailingItems = new("Items that failed at the audit", "Éléments en échec à l'audit");
    public static readonly LocalizedString NoFailingItems = new("Every item was met at the audit.", "Tous les éléments ont été respectés à l'audit.");
    public static readonly LocalizedString AuditPlanned = new("Audit on {0} ({1}) with {2}.", "Audit le {0} ({1}) avec {2}.");
    public static readonly LocalizedString BadDate = new("Start time: this time does not exist in that zone on that day (the clocks move forward).", "Heure de début : cette heure n'existe pas dans ce fuseau ce jour-là (changement d'heure).");
    public static readonly LocalizedString BadAuditDate = new("Date: choose a day in the calendar.", "Date : choisissez un jour dans le calendrier.");
    public static readonly LocalizedString BadAuditTime = new("Start time: give hours from 00 to 23 and minutes from 00 to 59 (e.g. 14:00).", "Heure de début : indiquez les heures de 00 à 23 et les minutes de 00 à 59 (p. ex. 14:00).");
    public static readonly LocalizedString BadZone = new("Time zone: choose a zone from the list (region/city, e.g. Europe/Paris).", "Fuseau horaire : choisissez un fuseau dans la liste (région/ville, p. ex. Europe/Paris).");
    public static readonly LocalizedString BadDuration = new("Duration: from 30 to 720 minutes.", "Durée : de 30 à 720 minutes.");
    public static readonly LocalizedString TooManyAttendees = new("Attendees: at most {0} people.", "Participants : {0} personnes au plus.");
    public static readonly LocalizedString AttendeeName = new("Attendee {0}: give the person's name.", "Participant {0} : indiquez le nom de la personne.");
    public static readonly LocalizedString AttendeeEmail = new("Attendee {0}: give an e-mail address such as name@example.com.", "Participant {0} : indiquez une adresse e-mail comme nom@example.com.");
    public static readonly LocalizedString AttendeeRole = new("Attendee {0}: choose the person's role at the audit.", "Participant {0} : choisissez le rôle de la personne lors de l'audit.");
    public static readonly LocalizedString TooLong = new("{0}: at most {1} characters.", "{0} : au plus {1} caractères.");
    public static readonly LocalizedString UnknownAuditor = new("Choose an auditor from the list.", "Choisissez un auditeur dans la liste.");

    // Audits
    public static readonly LocalizedString Audits = new("Audits", "Audits");
    public static readonly LocalizedString NoAudits = new("No audit is assigned to you.", "Aucun audit ne vous est confié.");
    public static readonly LocalizedString StartAudit = new("Start the audit", "Commencer l'audit");
    public static readonly LocalizedString Scoring = new("Scoring", "Notation");
    public static readonly LocalizedString Met = new("Met", "Respecté");
    public static readonly LocalizedString NotMet = new("Not met", "Non respecté");
    public static readonly LocalizedString Unscored = new("Not scored", "Non noté");
    public static readonly LocalizedString SaveScore = new("Save the score", "Enregistrer la note");
    public static readonly LocalizedString CloseAudit = new("Close the audit", "Clore l'audit");
    public static readonly LocalizedString ReadinessSaid = new("Readiness at submission", "Préparation à la soumission");
    public static readonly LocalizedString Partner = new("Partner level", "Niveau partenaire");
    public static readonly LocalizedString Closed = new("The audit is closed.", "L'audit est clos.");
    public static readonly LocalizedString EvidenceOfCaseStudy = new("Notes and evidence", "Notes et preuves");
    public static readonly LocalizedString GridProgress = new("{0} of {1} scored", "{0} sur {1} notées");
    public static readonly LocalizedString GridIntro = new("Score each cell on its own: choose Met or Not met and it is saved; a note is saved with its cell.", "Notez chaque cellule séparément : choisissez Respecté ou Non respecté et c'est enregistré ; une note est enregistrée avec sa cellule.");
    public static readonly LocalizedString SaveCell = new("Save", "Enregistrer");
    public static readonly LocalizedString Saving = new("Saving…", "Enregistrement…");
    public static readonly LocalizedString CellSaved = new("Saved", "Enregistré");
    public static readonly LocalizedString CellNotSaved = new("Not saved: try again", "Non enregistré : réessayez");
    public static readonly LocalizedString ChooseScore = new("Choose Met or Not met for {0}.", "Choisissez Respecté ou Non respecté pour {0}.");
    public static readonly LocalizedString NoSuchCell = new("{0} is not a cell of this audit.", "{0} n'est pas une cellule de cet audit.");
    public static readonly LocalizedString CellScored = new("{0} saved.", "{0} enregistrée.");
    public static readonly LocalizedString EvidenceBeside = new("Evidence of the case studies", "Preuves des études de cas");
    public static readonly LocalizedString NoEvidence = new("No evidence cited.", "Aucune preuve citée.");
    public static readonly LocalizedString ReadinessAtSubmission = new("readiness at submission", "préparation à la soumission");

    // Notifications
    public static readonly LocalizedString Notifications = new("Notifications", "Notifications");
    public static readonly LocalizedString NotificationsUnread = new("Notifications ({0} unread)", "Notifications ({0} non lues)");
    public static readonly LocalizedString NoNotifications = new("Nothing new.", "Rien de nouveau.");
    public static readonly LocalizedString MarkRead = new("Mark all as read", "Tout marquer comme lu");
    public static readonly LocalizedString Unread = new("unread", "non lue");
    public static readonly LocalizedString MailSubject = new("[Attest]", "[Attest]");

    public static readonly Phrase NoticeSubmitted = new("{0} submitted version {1} of its application; the answer is due on {2}.", "{0} a soumis la version {1} de sa candidature ; la réponse est attendue le {2}.");
    public static readonly Phrase NoticeReviewAsked = new("{0} asks you to review the application of {1}.", "{0} vous demande de relire la candidature de {1}.");
    public static readonly Phrase NoticeReviewDone = new("{0} finished reviewing the application of {1}.", "{0} a terminé la revue de la candidature de {1}.");
    public static readonly Phrase NoticeInformationRequested = new("The program office asks for more information on the application of {0}.", "Le bureau du programme demande des informations complémentaires sur la candidature de {0}.");
    public static readonly Phrase NoticeReplied = new("{0} answered in the information thread of {1}.", "{0} a répondu dans le fil de demandes d'informations de {1}.");
    public static readonly Phrase NoticeAuditScheduled = new("Audit of {0}: {1} ({2}); the invitation is attached.", "Audit de {0} : {1} ({2}) ; l'invitation est jointe.");
    public static readonly Phrase NoticeDecided = new("The program office's decision on the application of {0}: {1}.", "Décision du bureau du programme sur la candidature de {0} : {1}.");
    public static readonly Phrase NoticeReminder = new("Reminder: the answer to {0} is due on {1}.", "Rappel : la réponse à {0} est attendue le {1}.");
    public static readonly Phrase NoticeAuditClosed = new("The auditor closed the audit of {0}; the decision can be recorded.", "L'auditeur a clos l'audit de {0} ; la décision peut être enregistrée.");

    public static LocalizedString StateName(WorkflowState state) => WorkflowStates.Names.Display(state);

    public static readonly LocalizedString AuditClosedState = new("audit closed, awaiting the decision", "audit clos, décision attendue");

    /// <summary>The state as it truly stands: once the auditor closed the audit, no longer "audit in progress".</summary>
    public static LocalizedString StateOf(ApplicationWorkflow workflow) =>
        StateOf(workflow.State, workflow.Audit is { Closed: true });

    /// <summary>The state as it truly stands, given whether the auditor closed the audit.</summary>
    public static LocalizedString StateOf(WorkflowState state, bool auditClosed) =>
        state == WorkflowState.AuditInProgress && auditClosed ? AuditClosedState : StateName(state);

    /// <summary>
    /// The state as it truly stands, from a stored workflow (its state and its snapshot, <see cref="Data.WorkflowRecord"/>):
    /// the snapshot is read only while an audit is in progress, to tell whether the auditor closed it.
    /// </summary>
    public static LocalizedString StateOf(WorkflowState state, string snapshot) =>
        StateOf(state, state == WorkflowState.AuditInProgress && AuditClosedIn(snapshot));

    /// <summary>True when the stored workflow snapshot holds an audit the auditor closed (false when it cannot be read).</summary>
    public static bool AuditClosedIn(string snapshot)
    {
        try
        {
            return ApplicationWorkflow.Restore(SnapshotJson.Read(snapshot)).Audit is { Closed: true };
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The state a history step left the application in, as it truly stood: closing the audit leaves it closed.</summary>
    public static LocalizedString StateAfter(WorkflowEvent step) =>
        StateOf(step.To, step.Action == WorkflowAction.CloseAudit);
}
