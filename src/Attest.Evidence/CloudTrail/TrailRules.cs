using System.Globalization;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Rules;

namespace Attest.Evidence.CloudTrail;

/// <summary>
/// The verdicts drawn from CloudTrail logs: root use after account setup and failed root sign-ins
/// (topic root-usage), and changes made by hand rather than by deployment automation (topic deployment-automation). One finding per rule and account.
/// </summary>
public static class TrailRules
{
    /// <summary>Id of the root-use rule.</summary>
    public const string RootAfterSetup = "cloudtrail-root-after-setup";

    /// <summary>Id of the failed-sign-in rule.</summary>
    public const string RootSignInAttempts = "cloudtrail-root-signin-attempts";

    /// <summary>Id of the manual-changes rule.</summary>
    public const string ManualChanges = "cloudtrail-manual-changes";

    /// <summary>The resource type findings carry: the account.</summary>
    public const string AccountType = "AWS::Account";

    private const int Listed = 5;

    private static readonly Phrase NoEvents = new("The CloudTrail logs read hold no events: nothing shows whether the root user was used after account setup.", "Les journaux CloudTrail lus ne contiennent aucun événement : rien ne montre si l'utilisateur root a servi après la mise en place du compte.");
    private static readonly Phrase EndsInSetup = new("The logs of account {0} stop within its setup window ({1} to {2}): they say nothing of root use after setup.", "Les journaux du compte {0} s'arrêtent dans sa fenêtre de mise en place ({1} à {2}) : ils ne disent rien de l'usage de root après celle-ci.");
    private static readonly Phrase NoRootAfter = new("No use of the root user in account {0} after its setup window (ended {1}), over logs from {2} to {3} ({4}).", "Aucun usage de l'utilisateur root dans le compte {0} après sa fenêtre de mise en place (terminée le {1}), sur les journaux du {2} au {3} ({4}).");
    private static readonly Phrase Volume = new("{0} event(s), {1} root event(s) within the setup window", "{0} événement(s), dont {1} événement(s) root pendant la mise en place");
    private static readonly Phrase RootUsed = new("The root user of account {0} was used {1} time(s) after its setup window (ended {2}): {3}", "L'utilisateur root du compte {0} a servi {1} fois après sa fenêtre de mise en place (terminée le {2}) : {3}");
    private static readonly Phrase EventLine = new("{0} {1} from {2} ({3}, {4})", "{0} {1} depuis {2} ({3}, {4})");
    private static readonly Phrase KindMfa = new("{0}, MFA {1}", "{0}, MFA {1}");
    private static readonly Phrase RecordAt = new("{0} record index {1}", "{0} index d'enregistrement {1}");
    private static readonly Phrase More = new("and {0} more", "et {0} de plus");
    private static readonly Phrase Attempts = new("{0} failed sign-in(s) or password recovery request(s) for the root user of account {1} after setup, the last on {2} from {3}: find out who tried.", "{0} connexion(s) échouée(s) ou demande(s) de récupération du mot de passe root du compte {1} après la mise en place, la dernière le {2} depuis {3} : cherchez qui a essayé.");
    private static readonly Phrase NoChanges = new("No change to AWS resources in account {0} after setup appears in the logs ({1} event(s) read).", "Aucune modification des ressources AWS du compte {0} après la mise en place n'apparaît dans les journaux ({1} événement(s) lus).");
    private static readonly Phrase AllAutomated = new("All {0} change(s) to AWS resources in account {1} after setup went through CloudFormation or deployment roles ({2} made by AWS services themselves, not counted).", "Les {0} modification(s) des ressources AWS du compte {1} après la mise en place sont toutes passées par CloudFormation ou des rôles de déploiement ({2} faites par les services AWS eux-mêmes, non comptées).");
    private static readonly Phrase SomeManual = new("{0} of {1} change(s) in account {2} after setup were made outside CloudFormation and deployment roles, {3} of them from the console. {4}", "{0} des {1} modification(s) du compte {2} après la mise en place ont été faites hors de CloudFormation et des rôles de déploiement, dont {3} depuis la console. {4}");
    private static readonly Phrase Tops = new("Most frequent: {0}. By: {1}.", "Les plus fréquentes : {0}. Par : {1}.");
    private static readonly Phrase Count = new("{0} ×{1}", "{0} ×{1}");
    private static readonly Phrase Yes = new("yes", "oui");
    private static readonly Phrase No = new("no", "non");
    private static readonly Phrase Unstated = new("unstated", "non indiqué");

    private static readonly Dictionary<RootEventKind, Phrase> Kinds = new()
    {
        [RootEventKind.ConsoleSignIn] = new("console sign-in", "connexion à la console"),
        [RootEventKind.FailedSignIn] = new("failed sign-in", "connexion échouée"),
        [RootEventKind.RecoveryRequested] = new("password recovery requested", "récupération du mot de passe demandée"),
        [RootEventKind.SignInStep] = new("sign-in step", "étape de connexion"),
        [RootEventKind.AccessKeyCreated] = new("root access key created", "clé d'accès root créée"),
        [RootEventKind.AccessKeyUse] = new("call with a root access key", "appel avec une clé d'accès root"),
        [RootEventKind.Action] = new("action", "action"),
    };

    /// <summary>The rules' documentation, for <c>attest rules</c> and SARIF.</summary>
    public static IReadOnlyList<RuleDocumentation> Documentation { get; } =
    [
        new()
        {
            Id = RootAfterSetup,
            Topic = "root-usage",
            Title = new("The root user is not used after account setup (CloudTrail)", "L'utilisateur root ne sert plus après la mise en place du compte (CloudTrail)"),
            Rationale = new(
                "The checklist allows the root user only to create and set up the account. Every root action in the logs after the setup window (by default the first UTC day of activity seen for the account) contradicts it: sign-ins, calls with a root access key, any other action. Calls AWS services make on the root's behalf and service events are not counted; failed sign-ins are reported apart.",
                "La liste de contrôle ne permet l'utilisateur root que pour créer et mettre en place le compte. Toute action root dans les journaux après la fenêtre de mise en place (par défaut le premier jour UTC d'activité vu pour le compte) la contredit : connexions, appels avec une clé d'accès root, toute autre action. Les appels faits par les services AWS pour le compte de root et les événements de service ne comptent pas ; les connexions échouées sont signalées à part."),
            Fix = new(
                "Use IAM roles or IAM Identity Center for daily work, delete any root access key, protect the root user with MFA, and hand the root credentials to the customer; if the setup ran longer, give its end with --setup-end.",
                "Utilisez des rôles IAM ou IAM Identity Center au quotidien, supprimez toute clé d'accès root, protégez root par MFA et remettez ses identifiants au client ; si la mise en place a duré plus longtemps, donnez sa fin avec --setup-end."),
            Severity = Severity.High,
            Equivalents = ["Prowler cloudtrail root usage checks", "AWS Security Hub CIS 1.7 (avoid the use of the root user)"],
            ResourceTypes = ["cloudtrail"],
        },
        new()
        {
            Id = RootSignInAttempts,
            Topic = "root-usage",
            Title = new("No failed sign-ins as root after setup (CloudTrail)", "Pas de connexion root échouée après la mise en place (CloudTrail)"),
            Rationale = new(
                "A failed root sign-in or a root password recovery request is not a use of the root user, but it shows someone tried; the auditor may ask who.",
                "Une connexion root échouée ou une demande de récupération du mot de passe root n'est pas un usage de root, mais montre que quelqu'un a essayé ; l'auditeur peut demander qui."),
            Fix = new("Find out who tried (the source address is in the finding) and make sure the root credentials are with the customer.", "Cherchez qui a essayé (l'adresse source est dans le constat) et assurez-vous que les identifiants root sont chez le client."),
            Severity = Severity.Low,
            ResourceTypes = ["cloudtrail"],
        },
        new()
        {
            Id = ManualChanges,
            Topic = "deployment-automation",
            Title = new("Changes go through deployment automation (CloudTrail)", "Les modifications passent par l'automatisation du déploiement (CloudTrail)"),
            Rationale = new(
                "Counts the successful, mutating management calls after setup (readOnly false; when unstated, any name that does not read like Get, List, Describe…), leaving out sign-ins, role sessions, data events and calls AWS services make themselves. A call made through CloudFormation, or by a principal whose name matches a deployment pattern (deploy, cdk-, terraform, github-actions… or --deploy-role), is automated; any other is manual. Outcome: pass when no change is manual; fail, medium, when manual changes were made from the AWS console; fail, low, when the manual changes are all programmatic (scripts, applications, people's access keys): worth a look, not a contradiction; unknown when the logs hold no change.",
                "Compte les appels de gestion réussis qui modifient après la mise en place (readOnly false ; faute de l'indication, tout nom qui ne se lit pas comme Get, List, Describe…), sans les connexions, les sessions de rôle, les événements de données ni les appels faits par les services AWS eux-mêmes. Un appel fait par CloudFormation, ou par un principal dont le nom correspond à un motif de déploiement (deploy, cdk-, terraform, github-actions… ou --deploy-role), est automatisé ; tout autre est manuel. Résultat : conforme quand aucune modification n'est manuelle ; non conforme, moyenne, quand des modifications manuelles viennent de la console AWS ; non conforme, faible, quand elles sont toutes programmatiques (scripts, applications, clés d'accès de personnes) : à regarder, sans contredire l'élément ; indéterminé quand les journaux ne contiennent aucune modification."),
            Fix = new(
                "Make the changes through CloudFormation, CDK or Terraform from a pipeline; name the pipeline's role so that it matches a deployment pattern, or give its pattern with --deploy-role.",
                "Faites les modifications par CloudFormation, CDK ou Terraform depuis un pipeline ; nommez le rôle du pipeline selon un motif de déploiement, ou donnez son motif avec --deploy-role."),
            Severity = Severity.Medium,
            ResourceTypes = ["cloudtrail"],
        },
    ];

    /// <summary>The findings over <paramref name="report"/>: for each account, one per rule that has something to say.</summary>
    public static IReadOnlyList<EvidenceFinding> Judge(TrailReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<EvidenceFinding>();
        var accounts = report.Accounts.Where(a => a.Records > 0).ToList();
        if (accounts.Count == 0)
        {
            var where = report.Problems.Count > 0 ? report.Problems[0].File : (report.Paths.Count > 0 ? report.Paths[0] : "");
            findings.Add(Finding(RootAfterSetup, FindingOutcome.Unknown, Severity.High, "", where, 1, NoEvents.Message()));
            return findings;
        }

        foreach (var a in accounts)
        {
            findings.Add(RootVerdict(a));
            var attempts = a.RootAfterSetup.Where(e => e.Kind is RootEventKind.FailedSignIn or RootEventKind.RecoveryRequested).ToList();
            if (attempts.Count > 0)
            {
                var last = attempts[^1];
                findings.Add(Finding(RootSignInAttempts, FindingOutcome.Unknown, Severity.Low, a.Account, last.File, last.Record + 1, Attempts.With(attempts.Count, a.Account, Time(last.Time), last.SourceIp)));
            }

            findings.Add(ChangesVerdict(a));
        }

        return findings;
    }

    /// <summary>A time as the reports show it: ISO 8601, UTC, to the second.</summary>
    public static string Time(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "?";

    /// <summary>The kind of a root event in words.</summary>
    public static Phrase KindName(RootEventKind kind) => Kinds[kind];

    /// <summary>A root event in one line.</summary>
    public static Message Describe(RootEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var mfa = e.Mfa switch { true => Yes, false => No, null => Unstated };
        return EventLine.With(Time(e.Time), e.Name, e.SourceIp, KindMfa.With(Kinds[e.Kind].Message(), mfa.Message()), RecordAt.With(e.File, e.Record));
    }

    private static EvidenceFinding RootVerdict(AccountTimeline a)
    {
        var uses = a.RootAfterSetup.Where(e => e.IsUse).ToList();
        var total = a.RootUsesAfterSetup;
        if (total > 0)
        {
            var listed = uses.Take(Listed).Select(e => Describe(e with { File = Path.GetFileName(e.File) })).ToList();
            if (total > listed.Count)
            {
                listed.Add(More.With(total - listed.Count));
            }

            var first = uses.Count > 0 ? uses[0] : null;
            return Finding(RootAfterSetup, FindingOutcome.Fail, Severity.High, a.Account, first?.File ?? a.FirstFile, (first?.Record ?? 0) + 1, RootUsed.With(a.Account, total, Time(a.SetupEnd), listed));
        }

        if (a.LastActivity is { } last && a.SetupEnd is { } end && last < end)
        {
            return Finding(RootAfterSetup, FindingOutcome.Unknown, Severity.High, a.Account, a.FirstFile, 1, EndsInSetup.With(a.Account, Time(a.SetupStart), Time(a.SetupEnd)));
        }

        return Finding(RootAfterSetup, FindingOutcome.Pass, Severity.High, a.Account, a.FirstFile, 1,
            NoRootAfter.With(a.Account, Time(a.SetupEnd), Time(a.FirstActivity), Time(a.LastActivity), Volume.With(a.Records, a.RootInSetup)));
    }

    private static EvidenceFinding ChangesVerdict(AccountTimeline a)
    {
        var c = a.Changes;
        if (c.Total == 0)
        {
            return Finding(ManualChanges, FindingOutcome.Unknown, Severity.Medium, a.Account, a.FirstFile, 1, NoChanges.With(a.Account, a.Records));
        }

        if (c.Manual == 0)
        {
            return Finding(ManualChanges, FindingOutcome.Pass, Severity.Medium, a.Account, a.FirstFile, 1, AllAutomated.With(c.Total, a.Account, c.Service));
        }

        var tops = Tops.With(c.TopManualEvents.Select(n => Count.With(n.Name, n.Count)).ToList(), c.TopManualPrincipals.Select(n => Count.With(n.Name, n.Count)).ToList());
        var message = SomeManual.With(c.Manual, c.Total, a.Account, c.Console, tops);
        return Finding(ManualChanges, FindingOutcome.Fail, c.Console > 0 ? Severity.Medium : Severity.Low, a.Account, a.FirstFile, 1, message);
    }

    private static EvidenceFinding Finding(string rule, FindingOutcome outcome, Severity severity, string account, string file, long record, Message message) => new()
    {
        RuleId = rule,
        Topic = rule == ManualChanges ? "deployment-automation" : "root-usage",
        Outcome = outcome,
        Severity = severity,
        Resource = account,
        ResourceType = AccountType,
        File = file,

        // For a log file, the line is the 1-based record number in its Records array
        Line = (int)Math.Clamp(record, 1, int.MaxValue),
        Column = 1,
        Message = message,
        Framework = "cloudtrail",
    };
}
