using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Model;

namespace Attest.Evidence.Scanning;

/// <summary>What a scan looks for and how it speaks.</summary>
public sealed record ScanOptions
{
    /// <summary>All rules, default CloudTrail options, problems in English.</summary>
    public static ScanOptions Default { get; } = new();

    /// <summary>How the CloudTrail analysis finds the setup window and the deployment roles.</summary>
    public TrailOptions Trail { get; init; } = TrailOptions.Default;

    /// <summary>Which topics' rules run; null for every rule.</summary>
    public Func<string, bool>? Topics { get; init; }

    /// <summary>The language of the read problems that exist in both languages.</summary>
    public Language Language { get; init; } = Language.En;
}

/// <summary>The wire names of the kinds of evidence files the scanner tells apart, counted in <see cref="EvidenceSummary.Kinds"/>.</summary>
public static class EvidenceKinds
{
    /// <summary>A CloudFormation template (JSON or YAML).</summary>
    public const string CloudFormation = "cloudformation";

    /// <summary>An AWS SAM template (a CloudFormation template with the Serverless transform).</summary>
    public const string Sam = "sam";

    /// <summary>A Terraform root module (with the local modules it calls and its variable files).</summary>
    public const string TerraformModule = "terraform-module";

    /// <summary>The output of <c>terraform show -json</c> for a plan.</summary>
    public const string TerraformPlan = "terraform-plan";

    /// <summary>An IAM policy document, or the output of <c>aws iam get-policy-version</c> and the like.</summary>
    public const string IamPolicy = "iam-policy";

    /// <summary>An <c>aws iam get-account-authorization-details</c> export.</summary>
    public const string IamAccountExport = "iam-account-export";

    /// <summary>A CloudTrail log file (plain or gzipped JSON).</summary>
    public const string CloudTrail = "cloudtrail";

    /// <summary>A checkov report (JSON or SARIF).</summary>
    public const string CheckovReport = "checkov-report";

    /// <summary>A Prowler report (JSON-OCSF).</summary>
    public const string ProwlerReport = "prowler-report";

    /// <summary>An AWS Security Hub export (ASFF, <c>aws securityhub get-findings</c>).</summary>
    public const string SecurityHubReport = "securityhub-report";

    /// <summary>A Well-Architected review exported from the Well-Architected Tool (lens review, answers or improvements, JSON).</summary>
    public const string WellArchitectedReview = "well-architected-review";

    /// <summary>A ZIP archive whose entries were scanned.</summary>
    public const string Archive = "archive";
}

/// <summary>What the scanned evidence holds: how many files of each kind, and the resources its code defines.</summary>
/// <param name="Kinds">Files (and Terraform root modules) per kind (<see cref="EvidenceKinds"/>).</param>
/// <param name="Inventory">Resources per file and type, with their AWS service.</param>
public sealed record EvidenceSummary(IReadOnlyDictionary<string, int> Kinds, EvidenceInventory Inventory)
{
    /// <summary>Nothing found.</summary>
    public static EvidenceSummary Empty { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), EvidenceInventory.Empty);

    /// <summary>Whether anything the analyzers read (code, policies, logs) was found.</summary>
    public bool HasEvidence => Kinds.Any(k => k.Key != EvidenceKinds.Archive && k.Value > 0);
}

/// <summary>The result of a scan: findings, the problems met while reading (file, line, column, message), and the summary.</summary>
/// <param name="Findings">Every finding, documents in path order, then the CloudTrail verdicts.</param>
/// <param name="Problems">What could not be read, and why; never an exception.</param>
/// <param name="Summary">What was found.</param>
/// <param name="Trail">The CloudTrail timeline when logs were read, else null.</param>
public sealed record EvidenceAnalysis(IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems, EvidenceSummary Summary, TrailReport? Trail)
{
    /// <summary>The Well-Architected reviews read, in path order (the Well-Architected exemption reads them).</summary>
    public IReadOnlyList<WellArchitectedReview> Reviews { get; init; } = [];
}
