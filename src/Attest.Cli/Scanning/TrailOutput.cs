using System.Text;
using System.Text.Json;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;

namespace Attest.Cli.Scanning;

/// <summary>The CloudTrail timeline in the scan's text and JSON output.</summary>
internal static class TrailOutput
{
    private static readonly Phrase Header = new("CloudTrail: {0} file(s), {1} record(s), {2} root event(s)", "CloudTrail : {0} fichier(s), {1} enregistrement(s), {2} événement(s) root");
    private static readonly Phrase Account = new("  account {0}: activity {1} → {2}, {3} record(s); setup window {4}", "  compte {0} : activité {1} → {2}, {3} enregistrement(s) ; fenêtre de mise en place {4}");
    private static readonly Phrase Window = new("{0} → {1} ({2})", "{0} → {1} ({2})");
    private static readonly Phrase FirstDays = new("first day(s) of activity", "premier(s) jour(s) d'activité");
    private static readonly Phrase Given = new("given", "indiquée");
    private static readonly Phrase Root = new("    root: {0} event(s) in setup, {1} use(s) after; console sign-ins {2} with MFA, {3} without; {4}", "    root : {0} événement(s) pendant la mise en place, {1} usage(s) après ; connexions console {2} avec MFA, {3} sans ; {4}");
    private static readonly Phrase RootMore = new("{0} failed; access keys {1} created, {2} call(s)", "{0} échouée(s) ; clés d'accès {1} créée(s), {2} appel(s)");
    private static readonly Phrase After = new("      after setup: {0}", "      après la mise en place : {0}");
    private static readonly Phrase Changes = new("    changes after setup: {0} ({1} automated, {2} manual of which {3} from the console; {4} by AWS services, not counted)", "    modifications après la mise en place : {0} ({1} automatisées, {2} manuelles dont {3} depuis la console ; {4} par les services AWS, non comptées)");

    public static void Text(StringBuilder text, TrailReport trail, Language language)
    {
        text.Append(Header.With(trail.Files, trail.Records, trail.RootEvents).In(language)).Append('\n');
        foreach (var a in trail.Accounts)
        {
            var rule = a.SetupRule == "given" ? Given : FirstDays;
            var window = Window.With(TrailRules.Time(a.SetupStart), TrailRules.Time(a.SetupEnd), rule.Message());
            text.Append(Account.With(a.Account.Length > 0 ? a.Account : "?", TrailRules.Time(a.FirstActivity), TrailRules.Time(a.LastActivity), a.Records, window).In(language)).Append('\n');
            text.Append(Root.With(a.RootInSetup, a.RootUsesAfterSetup, a.RootSignInsWithMfa, a.RootSignInsWithoutMfa, RootMore.With(a.RootFailedSignIns, a.RootAccessKeysCreated, a.RootAccessKeyUses)).In(language)).Append('\n');
            foreach (var e in a.RootAfterSetup)
            {
                text.Append(After.With(TrailRules.Describe(e with { File = Relative(e.File) })).In(language)).Append('\n');
            }

            var c = a.Changes;
            text.Append(Changes.With(c.Total, c.Automated, c.Manual, c.Console, c.Service).In(language)).Append('\n');
        }
    }

    public static void Json(Utf8JsonWriter json, TrailReport trail, Language language)
    {
        json.WriteStartObject("cloudtrail");
        json.WriteNumber("files", trail.Files);
        json.WriteNumber("records", trail.Records);
        json.WriteNumber("bytes", trail.Bytes);
        json.WriteNumber("rootEvents", trail.RootEvents);
        json.WriteStartArray("accounts");
        foreach (var a in trail.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("account", a.Account);
            json.WriteNumber("records", a.Records);
            Time(json, "firstActivity", a.FirstActivity);
            Time(json, "lastActivity", a.LastActivity);
            json.WriteStartObject("setupWindow");
            Time(json, "start", a.SetupStart);
            Time(json, "end", a.SetupEnd);
            json.WriteString("rule", a.SetupRule);
            json.WriteEndObject();
            json.WriteStartObject("root");
            json.WriteNumber("inSetup", a.RootInSetup);
            json.WriteNumber("usesAfterSetup", a.RootUsesAfterSetup);
            json.WriteNumber("consoleSignInsWithMfa", a.RootSignInsWithMfa);
            json.WriteNumber("consoleSignInsWithoutMfa", a.RootSignInsWithoutMfa);
            json.WriteNumber("failedSignIns", a.RootFailedSignIns);
            json.WriteNumber("accessKeysCreated", a.RootAccessKeysCreated);
            json.WriteNumber("accessKeyCalls", a.RootAccessKeyUses);
            json.WriteNumber("afterSetupNotListed", a.RootAfterSetupNotKept);
            json.WriteEndObject();
            json.WriteStartArray("timeline");
            foreach (var e in a.RootAfterSetup)
            {
                json.WriteStartObject();
                Time(json, "time", e.Time);
                json.WriteString("event", e.Name);
                json.WriteString("eventSource", e.Source);
                json.WriteString("sourceIp", e.SourceIp);
                if (e.Mfa is { } mfa)
                {
                    json.WriteBoolean("mfa", mfa);
                }
                else
                {
                    json.WriteNull("mfa");
                }

                json.WriteString("kind", Kind(e.Kind));
                json.WriteBoolean("use", e.IsUse);
                json.WriteString("description", TrailRules.KindName(e.Kind).In(language));
                if (e.ErrorCode is not null)
                {
                    json.WriteString("errorCode", e.ErrorCode);
                }

                json.WriteString("file", Relative(e.File));
                json.WriteNumber("record", e.Record);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var c = a.Changes;
            json.WriteStartObject("changes");
            json.WriteNumber("total", c.Total);
            json.WriteNumber("automated", c.Automated);
            json.WriteNumber("manual", c.Manual);
            json.WriteNumber("console", c.Console);
            json.WriteNumber("byServices", c.Service);
            Counts(json, "topManualEvents", c.TopManualEvents);
            Counts(json, "topManualPrincipals", c.TopManualPrincipals);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Kind(RootEventKind kind) => kind switch
    {
        RootEventKind.ConsoleSignIn => "console-sign-in",
        RootEventKind.FailedSignIn => "failed-sign-in",
        RootEventKind.RecoveryRequested => "password-recovery-requested",
        RootEventKind.SignInStep => "sign-in-step",
        RootEventKind.AccessKeyCreated => "access-key-created",
        RootEventKind.AccessKeyUse => "access-key-call",
        _ => "action",
    };

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<NamedCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var n in counts)
        {
            json.WriteStartObject();
            json.WriteString("name", n.Name);
            json.WriteNumber("count", n.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, TrailRules.Time(time));
        }
    }

    private static string Relative(string file) => Path.IsPathRooted(file) ? Path.GetRelativePath(Environment.CurrentDirectory, file) : file;
}
