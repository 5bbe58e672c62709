using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>Everything the workflow of one application holds, as plain data: what a persistence layer stores and gives back to <see cref="ApplicationWorkflow.Restore"/>.</summary>
public sealed record WorkflowSnapshot
{
    /// <summary>The application's id.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The current state.</summary>
    public WorkflowState State { get; init; }

    /// <summary>Every accepted action, oldest first.</summary>
    public IReadOnlyList<WorkflowEvent> History { get; init; } = [];

    /// <summary>The frozen versions, by number.</summary>
    public IReadOnlyList<SubmissionVersion> Versions { get; init; } = [];

    /// <summary>The review rounds, oldest first.</summary>
    public IReadOnlyList<ReviewRound> Reviews { get; init; } = [];

    /// <summary>The information thread, oldest first.</summary>
    public IReadOnlyList<ThreadMessage> Thread { get; init; } = [];

    /// <summary>The audit, once scheduled.</summary>
    public Audit? Audit { get; init; }

    /// <summary>The decision, once recorded.</summary>
    public Decision? Decision { get; init; }
}

/// <summary>
/// The workflow of one application: Draft → Submitted → In review → (Information requested → Resubmitted)* →
/// Audit scheduled → Audit in progress → Validated | Not validated, Withdrawn from Draft, Submitted or Information requested.
/// Every action checks the actor's role, the state (and, for the auditor, the assignment) and returns an <see cref="Outcome"/>:
/// a refused action changes nothing and says why in both languages. Callers pass the time; the aggregate never reads a clock.
/// </summary>
public sealed class ApplicationWorkflow
{
    private static readonly Phrase RoleMayNot = new("As {0} you may not {1}; only: {2}.", "En tant que {0}, vous ne pouvez pas {1} ; seulement : {2}.");
    private static readonly Phrase NobodyMay = new("Nobody may {0} any more: the application is {1}.", "Plus personne ne peut {0} : la candidature est {1}.");
    private static readonly Phrase WrongState = new("You cannot {0} while the application is {1}; this is possible when it is {2}.", "Impossible de {0} tant que la candidature est {1} ; c'est possible lorsqu'elle est {2}.");
    private static readonly Phrase TimeGoesBack = new("The time given ({0}) is earlier than the last recorded step ({1}).", "L'heure indiquée ({0}) précède la dernière étape enregistrée ({1}).");
    private static readonly Phrase NoActorId = new("The person acting has no user id.", "La personne qui agit n'a pas d'identifiant.");
    private static readonly Phrase PrerequisitesNotMet = new("The application cannot be submitted while these prerequisites are not met: {0}.", "La candidature ne peut pas être soumise tant que ces prérequis ne sont pas respectés : {0}.");
    private static readonly Phrase ReviewAlreadyOpen = new("A review by {0} is already open.", "Une revue par {0} est déjà en cours.");
    private static readonly Phrase NoOpenReview = new("No review is open.", "Aucune revue n'est en cours.");
    private static readonly Phrase NotTheReviewer = new("This review was asked of {0}; only they may comment on it or mark it done.", "Cette revue a été demandée à {0} ; seule cette personne peut la commenter ou la terminer.");
    private static readonly Phrase ReviewerMissing = new("Name the partner manager who should review.", "Indiquez le responsable partenaire qui doit faire la revue.");
    private static readonly Phrase EmptyText = new("The text is empty.", "Le texte est vide.");
    private static readonly Phrase TextTooLong = new("The text is too long ({0} characters, at most {1}).", "Le texte est trop long ({0} caractères, au plus {1}).");
    private static readonly Phrase TooManyAttachments = new("Too many attachments ({0}, at most {1}).", "Trop de pièces jointes ({0}, au plus {1}).");
    private static readonly Phrase BadAttachment = new("Attachment {0}: an id, a file name and a SHA-256 of 64 hexadecimal digits are needed.", "Pièce jointe {0} : un identifiant, un nom de fichier et un SHA-256 de 64 chiffres hexadécimaux sont nécessaires.");
    private static readonly Phrase UnknownItems = new("These items are not in the checklist of this application: {0}.", "Ces éléments ne font pas partie de la liste de contrôle de cette candidature : {0}.");
    private static readonly Phrase NotAssigned = new("This audit is assigned to {0}; only that auditor may work on it.", "Cet audit est confié à {0} ; seul cet auditeur peut y travailler.");
    private static readonly Phrase AuditInPast = new("The audit must start after the moment it is scheduled ({0}).", "L'audit doit commencer après le moment où il est planifié ({0}).");
    private static readonly Phrase BadPlan = new("The audit plan is incomplete or invalid: {0}.", "Le plan d'audit est incomplet ou invalide : {0}.");
    private static readonly Phrase NoSuchCell = new("{0} is not a cell of this audit's scoring grid.", "{0} n'est pas une case de la grille de notation de cet audit.");
    private static readonly Phrase AuditClosed = new("The audit is closed; its scores are final.", "L'audit est clos ; ses notes sont définitives.");
    private static readonly Phrase CellsUnscored = new("The audit cannot be closed while these cells are unscored: {0}.", "L'audit ne peut pas être clos tant que ces cases ne sont pas notées : {0}.");
    private static readonly Phrase AuditNotClosed = new("The auditor has not closed the audit yet.", "L'auditeur n'a pas encore clos l'audit.");
    private static readonly Phrase CannotValidate = new("The application cannot be validated: these items failed at the audit: {0}.", "La candidature ne peut pas être validée : ces éléments ont échoué à l'audit : {0}.");
    private static readonly Phrase SayWhyNotValidated = new("Every item was met at the audit; say in a note why the application is not validated.", "Tous les éléments ont été respectés à l'audit ; indiquez dans une note pourquoi la candidature n'est pas validée.");
    private static readonly Phrase NoVersion = new("No version has been submitted.", "Aucune version n'a été soumise.");
    private static readonly Phrase Or = new("{0} or {1}", "{0} ou {1}");

    private static readonly WorkflowState[] Withdrawable = [WorkflowState.Draft, WorkflowState.Submitted, WorkflowState.InformationRequested];

    private readonly List<WorkflowEvent> history;
    private readonly List<SubmissionVersion> versions;
    private readonly List<ReviewRound> reviews;
    private readonly List<ThreadMessage> thread;

    /// <summary>A new application workflow, in <see cref="WorkflowState.Draft"/>.</summary>
    public ApplicationWorkflow(string applicationId)
        : this(new WorkflowSnapshot { ApplicationId = applicationId })
    {
    }

    private ApplicationWorkflow(WorkflowSnapshot snapshot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.ApplicationId);
        ApplicationId = snapshot.ApplicationId;
        State = snapshot.State;
        history = [.. snapshot.History];
        versions = [.. snapshot.Versions];
        reviews = [.. snapshot.Reviews];
        thread = [.. snapshot.Thread];
        Audit = snapshot.Audit;
        Decision = snapshot.Decision;
    }

    /// <summary>The application's id.</summary>
    public string ApplicationId { get; }

    /// <summary>The current state.</summary>
    public WorkflowState State { get; private set; }

    /// <summary>Every accepted action, oldest first: who, in which role, when, from which state to which.</summary>
    public IReadOnlyList<WorkflowEvent> History => history;

    /// <summary>The frozen versions, numbered from 1.</summary>
    public IReadOnlyList<SubmissionVersion> Versions => versions;

    /// <summary>The latest frozen version.</summary>
    public SubmissionVersion? CurrentVersion => versions.Count == 0 ? null : versions[^1];

    /// <summary>The review rounds before submission, oldest first.</summary>
    public IReadOnlyList<ReviewRound> Reviews => reviews;

    /// <summary>The latest review round.</summary>
    public ReviewRound? CurrentReview => reviews.Count == 0 ? null : reviews[^1];

    /// <summary>Whether a partner manager completed a review (shown on the submit page).</summary>
    public bool ReviewHappened => reviews.Any(r => r.Completed);

    /// <summary>The information thread, oldest first.</summary>
    public IReadOnlyList<ThreadMessage> Thread => thread;

    /// <summary>The audit, once scheduled.</summary>
    public Audit? Audit { get; private set; }

    /// <summary>The decision, once recorded.</summary>
    public Decision? Decision { get; private set; }

    /// <summary>Rebuilds an aggregate from stored data.</summary>
    public static ApplicationWorkflow Restore(WorkflowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ApplicationWorkflow(snapshot);
    }

    /// <summary>The aggregate's data, to store.</summary>
    public WorkflowSnapshot ToSnapshot() => new()
    {
        ApplicationId = ApplicationId,
        State = State,
        History = [.. history],
        Versions = [.. versions],
        Reviews = [.. reviews],
        Thread = [.. thread],
        Audit = Audit,
        Decision = Decision,
    };

    /// <summary>
    /// The day the program office's answer is due: <paramref name="businessDays"/> business days after the latest
    /// (re)submission, dated in <paramref name="zone"/>; null when no answer is awaited (see <see cref="WorkflowStates.AwaitsAnswer"/>).
    /// </summary>
    public DateOnly? AnswerDue(BusinessCalendar calendar, TimeZoneInfo zone, int businessDays = 5)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        return Deadline(calendar, zone, DateOnly.MinValue, businessDays)?.Due;
    }

    /// <summary>
    /// The deadline of the program office's answer seen on <paramref name="today"/> (due date, reminder day, overdue), for the
    /// queue (overdue first); null when no answer is awaited.
    /// </summary>
    public AnswerDeadline? Deadline(BusinessCalendar calendar, TimeZoneInfo zone, DateOnly today, int businessDays = 5)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        if (!State.AwaitsAnswer() || CurrentVersion is not { } version)
        {
            return null;
        }

        return calendar.Deadline(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(version.SubmittedAt, zone).DateTime), today, businessDays);
    }

    /// <summary>Whether <paramref name="actor"/> may do <paramref name="action"/> now, as far as role, state, assignment and review or audit progress go (for showing buttons; the action itself still checks its input).</summary>
    public bool Allows(WorkflowAction action, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (roles, states) = Rules(action);
        if (!roles.Contains(actor.Role) || !states.Contains(State) || (IsAuditorAction(action) && Audit?.Plan.AuditorId != actor.UserId))
        {
            return false;
        }

        var openReview = CurrentReview is { Completed: false } ? CurrentReview : null;
        return action switch
        {
            WorkflowAction.RequestReview => openReview is null,
            WorkflowAction.CommentOnReview or WorkflowAction.CompleteReview => openReview?.ReviewerId == actor.UserId,
            WorkflowAction.Score or WorkflowAction.CloseAudit => Audit is { Closed: false },
            WorkflowAction.Decide => Audit is { Closed: true },
            _ => true,
        };
    }

    /// <summary>The alliance lead asks a partner manager for a review (Draft).</summary>
    public Outcome RequestReview(Actor actor, DateTimeOffset now, string reviewerId, string reviewerName)
    {
        if (Guard(WorkflowAction.RequestReview, actor, now) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reviewerId) || string.IsNullOrWhiteSpace(reviewerName))
        {
            return Outcome.Refused(ReviewerMissing.Message());
        }

        if (CurrentReview is { Completed: false } open)
        {
            return Outcome.Refused(ReviewAlreadyOpen.With(open.ReviewerName));
        }

        reviews.Add(new ReviewRound { ReviewerId = reviewerId, ReviewerName = reviewerName, RequestedBy = actor.UserId, RequestedAt = now });
        return Record(WorkflowAction.RequestReview, actor, now, State, reviewerName);
    }

    /// <summary>The partner manager asked comments on one item (or on the whole application when <paramref name="itemId"/> is null).</summary>
    public Outcome CommentOnReview(Actor actor, DateTimeOffset now, string? itemId, string text)
    {
        if (GuardReviewer(WorkflowAction.CommentOnReview, actor, now) is { } refused)
        {
            return refused;
        }

        if (CheckText(text) is { } badText)
        {
            return badText;
        }

        var round = CurrentReview!;
        reviews[^1] = round with { Comments = [.. round.Comments, new ReviewComment(actor.UserId, actor.Name, now, itemId, text.Trim())] };
        return Record(WorkflowAction.CommentOnReview, actor, now, State, itemId);
    }

    /// <summary>The partner manager asked marks the review done.</summary>
    public Outcome CompleteReview(Actor actor, DateTimeOffset now, string? summary = null)
    {
        if ((GuardReviewer(WorkflowAction.CompleteReview, actor, now) ?? CheckNote(summary)) is { } refused)
        {
            return refused;
        }

        reviews[^1] = CurrentReview! with { CompletedAt = now, Summary = Clean(summary) };
        return Record(WorkflowAction.CompleteReview, actor, now, State, summary);
    }

    /// <summary>
    /// The alliance lead submits: refused while a prerequisite (PRE-*) is not met, listing them; otherwise version 1 is
    /// frozen and the application goes to <see cref="WorkflowState.Submitted"/>.
    /// </summary>
    public Outcome Submit(Actor actor, DateTimeOffset now, SubmissionInput input, string? note = null) =>
        Freeze(WorkflowAction.Submit, WorkflowState.Submitted, actor, now, input, note);

    /// <summary>
    /// The program office starts reviewing the first submission. Once started, the review stays started: a resubmission
    /// is reviewed without being started again (the office requests information or schedules the audit from it).
    /// </summary>
    public Outcome StartReview(Actor actor, DateTimeOffset now, string? note = null) =>
        Guard(WorkflowAction.StartReview, actor, now, note) ?? Record(WorkflowAction.StartReview, actor, now, WorkflowState.InReview, note);

    /// <summary>The program office asks for more information; the application goes back to the partner.</summary>
    public Outcome RequestInformation(Actor actor, DateTimeOffset now, MessageDraft message) =>
        Guard(WorkflowAction.RequestInformation, actor, now) ?? Post(WorkflowAction.RequestInformation, MessageKind.Request, actor, now, message, WorkflowState.InformationRequested);

    /// <summary>The partner (alliance lead or contributor) answers in the thread; the state does not change.</summary>
    public Outcome Reply(Actor actor, DateTimeOffset now, MessageDraft message) =>
        Guard(WorkflowAction.Reply, actor, now) ?? Post(WorkflowAction.Reply, MessageKind.Reply, actor, now, message, State);

    /// <summary>The alliance lead submits again after an information request: the next version is frozen.</summary>
    public Outcome Resubmit(Actor actor, DateTimeOffset now, SubmissionInput input, string? note = null) =>
        Freeze(WorkflowAction.Resubmit, WorkflowState.Resubmitted, actor, now, input, note);

    /// <summary>
    /// The program office schedules the audit; the scoring grid is built from the readiness report frozen with the
    /// current version (<see cref="AuditGrid"/>).
    /// </summary>
    public Outcome ScheduleAudit(Actor actor, DateTimeOffset now, AuditPlan plan, string? note = null)
    {
        if ((Guard(WorkflowAction.ScheduleAudit, actor, now, note) ?? CheckPlan(plan, now)) is { } refused)
        {
            return refused;
        }

        if (CurrentVersion is not { } version)
        {
            return Outcome.Refused(NoVersion.Message());
        }

        Audit = new Audit { Plan = plan, Cells = AuditGrid.BuildFromJson(version.ReadinessJson) };
        return Record(WorkflowAction.ScheduleAudit, actor, now, WorkflowState.AuditScheduled, note);
    }

    /// <summary>The program office moves the scheduled audit or changes its people; the invitation's sequence goes up.</summary>
    public Outcome RescheduleAudit(Actor actor, DateTimeOffset now, AuditPlan plan, string? note = null)
    {
        if ((Guard(WorkflowAction.RescheduleAudit, actor, now, note) ?? CheckPlan(plan, now)) is { } refused)
        {
            return refused;
        }

        Audit = Audit! with { Plan = plan, Revision = Audit.Revision + 1 };
        return Record(WorkflowAction.RescheduleAudit, actor, now, State, note);
    }

    /// <summary>The assigned auditor opens the audit.</summary>
    public Outcome StartAudit(Actor actor, DateTimeOffset now)
    {
        if (Guard(WorkflowAction.StartAudit, actor, now) is { } refused)
        {
            return refused;
        }

        Audit = Audit! with { StartedAt = now };
        return Record(WorkflowAction.StartAudit, actor, now, WorkflowState.AuditInProgress, null);
    }

    /// <summary>The assigned auditor scores one cell (a partner-level item when <paramref name="caseStudyKey"/> is null); a cell may be scored again until the audit is closed.</summary>
    public Outcome Score(Actor actor, DateTimeOffset now, string itemId, string? caseStudyKey, AuditScore score, string? note = null)
    {
        if (Guard(WorkflowAction.Score, actor, now, note) is { } refused)
        {
            return refused;
        }

        if (Audit!.Closed)
        {
            return Outcome.Refused(AuditClosed.Message());
        }

        var cells = Audit.Cells.ToArray();
        var index = Array.FindIndex(cells, c => c.ItemId == itemId && c.CaseStudyKey == caseStudyKey);
        if (index < 0)
        {
            return Outcome.Refused(NoSuchCell.With(caseStudyKey is null ? itemId : $"{itemId} ({caseStudyKey})"));
        }

        cells[index] = cells[index] with { Score = score, Note = Clean(note), ScoredAt = now };
        Audit = Audit with { Cells = cells };
        return Record(WorkflowAction.Score, actor, now, State, $"{cells[index].Label}: {AuditScores.Names.Wire(score)}");
    }

    /// <summary>The assigned auditor closes the audit: refused while an applicable cell is unscored, listing them.</summary>
    public Outcome CloseAudit(Actor actor, DateTimeOffset now, string? note = null)
    {
        if (Guard(WorkflowAction.CloseAudit, actor, now, note) is { } refused)
        {
            return refused;
        }

        if (Audit!.Closed)
        {
            return Outcome.Refused(AuditClosed.Message());
        }

        var unscored = Audit.Unscored.Select(c => c.Label).ToArray();
        if (unscored.Length > 0)
        {
            return Outcome.Refused(CellsUnscored.With(unscored), unscored);
        }

        Audit = Audit with { ClosedAt = now };
        return Record(WorkflowAction.CloseAudit, actor, now, State, note);
    }

    /// <summary>
    /// The program office records the decision once the audit is closed. Validation is refused while an item failed;
    /// not validating an application whose items were all met needs a note saying why.
    /// </summary>
    public Outcome Decide(Actor actor, DateTimeOffset now, DecisionOutcome outcome, string? note = null)
    {
        if (Guard(WorkflowAction.Decide, actor, now, note) is { } refused)
        {
            return refused;
        }

        if (!Audit!.Closed)
        {
            return Outcome.Refused(AuditNotClosed.Message());
        }

        var failing = Audit.FailingItems;
        if (outcome == DecisionOutcome.Validated && failing.Count > 0)
        {
            var ids = failing.Select(f => f.ItemId).ToArray();
            return Outcome.Refused(CannotValidate.With(ids), ids);
        }

        if (outcome == DecisionOutcome.NotValidated && failing.Count == 0 && string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Refused(SayWhyNotValidated.Message());
        }

        Decision = new Decision(outcome, actor.UserId, now, Clean(note), failing);
        return Record(WorkflowAction.Decide, actor, now, outcome == DecisionOutcome.Validated ? WorkflowState.Validated : WorkflowState.NotValidated, note);
    }

    /// <summary>The alliance lead withdraws the application (from Draft, Submitted or Information requested).</summary>
    public Outcome Withdraw(Actor actor, DateTimeOffset now, string? note = null) =>
        Guard(WorkflowAction.Withdraw, actor, now, note) ?? Record(WorkflowAction.Withdraw, actor, now, WorkflowState.Withdrawn, note);

    /// <summary>Who may do <paramref name="action"/>, and in which states.</summary>
    public static (IReadOnlyList<Role> Roles, IReadOnlyList<WorkflowState> States) Rules(WorkflowAction action) => action switch
    {
        WorkflowAction.RequestReview => ([Role.AllianceLead], [WorkflowState.Draft]),
        WorkflowAction.CommentOnReview or WorkflowAction.CompleteReview => ([Role.PartnerManager], [WorkflowState.Draft]),
        WorkflowAction.Submit => ([Role.AllianceLead], [WorkflowState.Draft]),
        WorkflowAction.StartReview => ([Role.ProgramOffice], [WorkflowState.Submitted]),
        WorkflowAction.RequestInformation => ([Role.ProgramOffice], [WorkflowState.InReview, WorkflowState.Resubmitted]),
        WorkflowAction.Reply => ([Role.AllianceLead, Role.Contributor], [WorkflowState.InformationRequested]),
        WorkflowAction.Resubmit => ([Role.AllianceLead], [WorkflowState.InformationRequested]),
        WorkflowAction.ScheduleAudit => ([Role.ProgramOffice], [WorkflowState.InReview, WorkflowState.Resubmitted]),
        WorkflowAction.RescheduleAudit => ([Role.ProgramOffice], [WorkflowState.AuditScheduled]),
        WorkflowAction.StartAudit => ([Role.Auditor], [WorkflowState.AuditScheduled]),
        WorkflowAction.Score or WorkflowAction.CloseAudit => ([Role.Auditor], [WorkflowState.AuditInProgress]),
        WorkflowAction.Decide => ([Role.ProgramOffice], [WorkflowState.AuditInProgress]),
        WorkflowAction.Withdraw => ([Role.AllianceLead], Withdrawable),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static bool IsAuditorAction(WorkflowAction action) => action is WorkflowAction.StartAudit or WorkflowAction.Score or WorkflowAction.CloseAudit;

    private Outcome? Guard(WorkflowAction action, Actor actor, DateTimeOffset now, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(actor.UserId))
        {
            return Outcome.Refused(NoActorId.Message());
        }

        var name = WorkflowActions.Names.Display(action);
        var (roles, states) = Rules(action);
        if (State.IsFinal())
        {
            return Outcome.Refused(NobodyMay.With(name, WorkflowStates.Names.Display(State)));
        }

        if (!roles.Contains(actor.Role))
        {
            return Outcome.Refused(RoleMayNot.With(Roles.Names.Display(actor.Role), name, roles.Select(r => Roles.Names.Display(r)).ToArray()));
        }

        if (!states.Contains(State))
        {
            return Outcome.Refused(WrongState.With(name, WorkflowStates.Names.Display(State), Alternatives(states)));
        }

        if (IsAuditorAction(action) && Audit!.Plan.AuditorId != actor.UserId)
        {
            return Outcome.Refused(NotAssigned.With(Audit.Plan.AuditorName));
        }

        if (history.Count > 0 && now < history[^1].At)
        {
            return Outcome.Refused(TimeGoesBack.With(now.ToString("O"), history[^1].At.ToString("O")));
        }

        return CheckNote(note);
    }

    private static Outcome? CheckNote(string? note) =>
        note?.Length > MessageDraft.MaxTextLength ? Outcome.Refused(TextTooLong.With(note.Length, MessageDraft.MaxTextLength)) : null;

    // An empty note (as web forms send) is no note
    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private Outcome? GuardReviewer(WorkflowAction action, Actor actor, DateTimeOffset now)
    {
        if (Guard(action, actor, now) is { } refused)
        {
            return refused;
        }

        if (CurrentReview is not { Completed: false } round)
        {
            return Outcome.Refused(NoOpenReview.Message());
        }

        return round.ReviewerId == actor.UserId ? null : Outcome.Refused(NotTheReviewer.With(round.ReviewerName));
    }

    private static Message Alternatives(IReadOnlyList<WorkflowState> states)
    {
        var names = states.Select(s => WorkflowStates.Names.Display(s)).ToArray();
        return names.Length == 1 ? new Phrase("{0}", "{0}").With(names[0]) : Or.With(names[..^1], names[^1]);
    }

    private Outcome Freeze(WorkflowAction action, WorkflowState to, Actor actor, DateTimeOffset now, SubmissionInput input, string? note)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Guard(action, actor, now, note) is { } refused)
        {
            return refused;
        }

        var unmet = input.Report.Items
            .Where(i => i.Item.Part == ChecklistPart.Prerequisites && i.Status == ReadinessStatus.NotMet)
            .Select(i => i.Item.Id)
            .ToArray();
        if (unmet.Length > 0)
        {
            return Outcome.Refused(PrerequisitesNotMet.With(unmet), unmet);
        }

        var (version, problem) = SubmissionVersion.Freeze(versions.Count + 1, now, actor.UserId, input);
        if (problem is not null)
        {
            return Outcome.Refused(problem);
        }

        versions.Add(version!);
        return Record(action, actor, now, to, note ?? $"version {version!.Number}");
    }

    private Outcome Post(WorkflowAction action, MessageKind kind, Actor actor, DateTimeOffset now, MessageDraft draft, WorkflowState to)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (CheckText(draft.Text) is { } badText)
        {
            return badText;
        }

        var attachments = draft.Attachments ?? [];
        if (attachments.Count > MessageDraft.MaxAttachments)
        {
            return Outcome.Refused(TooManyAttachments.With(attachments.Count, MessageDraft.MaxAttachments));
        }

        foreach (var a in attachments)
        {
            if (string.IsNullOrWhiteSpace(a.Id) || string.IsNullOrWhiteSpace(a.FileName) || a.FileName.Any(char.IsControl) || a.Sha256 is not { Length: 64 } || !a.Sha256.All(char.IsAsciiHexDigit))
            {
                return Outcome.Refused(BadAttachment.With(a.FileName));
            }
        }

        var items = (draft.Items ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (CurrentVersion is { } version && items.Length > 0)
        {
            var known = AuditGridItemIds(version);
            var unknown = items.Where(i => !known.Contains(i)).ToArray();
            if (unknown.Length > 0)
            {
                return Outcome.Refused(UnknownItems.With(unknown), unknown);
            }
        }

        thread.Add(new ThreadMessage
        {
            Number = thread.Count + 1,
            Kind = kind,
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            Role = actor.Role,
            At = now,
            Text = draft.Text.Trim(),
            Items = items,
            Attachments = [.. attachments],
        });
        return Record(action, actor, now, to, $"message {thread.Count}");
    }

    private static HashSet<string> AuditGridItemIds(SubmissionVersion version)
    {
        using var document = System.Text.Json.JsonDocument.Parse(version.ReadinessJson);
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString() ?? "")
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Outcome? CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused(EmptyText.Message());
        }

        return text.Length > MessageDraft.MaxTextLength ? Outcome.Refused(TextTooLong.With(text.Length, MessageDraft.MaxTextLength)) : null;
    }

    private static Outcome? CheckPlan(AuditPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(plan.AuditorId) || string.IsNullOrWhiteSpace(plan.AuditorName))
        {
            problems.Add("auditor");
        }

        if (!IsEmail(plan.AuditorEmail))
        {
            problems.Add("auditor e-mail");
        }

        if (string.IsNullOrWhiteSpace(plan.TimeZoneId) || plan.TimeZoneId.Length > 64 || !plan.TimeZoneId.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            problems.Add("time zone");
        }

        if (plan.DurationMinutes is < 30 or > 12 * 60)
        {
            problems.Add("duration (30 minutes to 12 hours)");
        }

        if (plan.OpeningPresentationMinutes is < 0 or > 15)
        {
            problems.Add("opening presentation (at most 15 minutes)");
        }

        if (plan.Attendees.Count > AuditPlan.MaxAttendees)
        {
            problems.Add($"attendees (at most {AuditPlan.MaxAttendees})");
        }

        problems.AddRange(plan.Attendees.Where(a => string.IsNullOrWhiteSpace(a.Name) || a.Name.Any(char.IsControl) || !IsEmail(a.Email)).Select(a => $"attendee '{a.Name}'"));
        if (plan.Location is { } location && location.Any(char.IsControl))
        {
            problems.Add("location");
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(BadPlan.With(problems));
        }

        return plan.Start <= now ? Outcome.Refused(AuditInPast.With(now.ToString("O"))) : null;
    }

    // Enough to keep line breaks and separators out of e-mail headers and invitations; delivery proves the rest
    private static bool IsEmail(string? address) =>
        address is { Length: > 2 and <= 254 } && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1
        && !address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '<' or '>' or '"');

    private Outcome Record(WorkflowAction action, Actor actor, DateTimeOffset now, WorkflowState to, string? note)
    {
        history.Add(new WorkflowEvent(history.Count + 1, action, actor.UserId, actor.Name, actor.Role, now, State, to, Clean(note)));
        State = to;
        return Outcome.Done;
    }
}
