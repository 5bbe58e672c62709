using Attest.Evidence.Iam;
using Attest.Evidence.Model;

namespace Attest.Cli.Scanning;

/// <summary>
/// Recognises IAM policy files among the JSON files given to <c>attest scan</c> or named as case-study evidence: a policy
/// document (a <c>Statement</c>), an <c>aws iam get-account-authorization-details</c> export, or the single-policy outputs
/// of the AWS CLI. Recognised by content, not by name.
/// </summary>
internal static class PolicyFiles
{
    /// <summary>
    /// Reads <paramref name="text"/> as policies when it is some; true when the file was taken (its policies or its problem
    /// added). Malformed JSON is reported, with its line and column, when the file was named or looks like a policy.
    /// </summary>
    public static bool TryRead(string file, string text, List<IacDocument> documents, List<IacProblem> problems, bool explicitlyNamed)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return false;
        }

        var mayBePolicy = PolicyFile.MayBePolicy(text);
        if (!mayBePolicy && !explicitlyNamed)
        {
            return false;
        }

        var (document, problem) = PolicyFile.Read(text, file);
        if (document is not null)
        {
            documents.Add(document);
            return true;
        }

        if (problem is not null && (mayBePolicy || explicitlyNamed))
        {
            problems.Add(problem);
            return true;
        }

        return false;
    }
}
