using System.CommandLine;
using System.Globalization;
using Attest.Evidence.CloudTrail;

namespace Attest.Cli.Scanning;

/// <summary>The command-line options of the CloudTrail analysis: the setup window and the deployment roles.</summary>
internal static class TrailOptionsParser
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    public static (Option<string[]> SetupEnd, Option<int?> SetupDays, Option<string[]> DeployRoles) Options() => (
        new Option<string[]>("--setup-end") { Description = "CloudTrail: when account setup ended, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ), for all accounts or as ACCOUNT=TIME; repeatable (default: the end of the first UTC day of activity)", Arity = ArgumentArity.ZeroOrMore },
        new Option<int?>("--setup-days") { Description = "CloudTrail: the setup window lasts this many UTC days from each account's first activity (default 1)" },
        new Option<string[]>("--deploy-role") { Description = "CloudTrail: a role or user name pattern of deployment automation (text found in the name, or a * pattern), added to the defaults; repeatable", Arity = ArgumentArity.ZeroOrMore });

    public static void AddTo(Command command, (Option<string[]> SetupEnd, Option<int?> SetupDays, Option<string[]> DeployRoles) options)
    {
        command.Options.Add(options.SetupEnd);
        command.Options.Add(options.SetupDays);
        command.Options.Add(options.DeployRoles);
    }

    /// <summary>The options given; null when they are fine, else what is wrong with them.</summary>
    public static string? Parse(ParseResult result, (Option<string[]> SetupEnd, Option<int?> SetupDays, Option<string[]> DeployRoles) options, out TrailOptions trail)
    {
        trail = TrailOptions.Default;
        DateTime? all = null;
        var byAccount = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var value in result.GetValue(options.SetupEnd) ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var account = equals > 0 ? value[..equals].Trim() : null;
            var text = equals > 0 ? value[(equals + 1)..].Trim() : value.Trim();
            if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var end))
            {
                return $"--setup-end: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC), optionally after ACCOUNT=, got '{value}'";
            }

            end = DateTime.SpecifyKind(end, DateTimeKind.Utc);
            if (account is null)
            {
                all = end;
            }
            else
            {
                byAccount[account] = end;
            }
        }

        var days = result.GetValue(options.SetupDays);
        if (days is < 1 or > 3660)
        {
            return $"--setup-days: expected a number of days from 1 to 3660, got {days}";
        }

        var roles = (result.GetValue(options.DeployRoles) ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToArray();
        trail = TrailOptions.Default with
        {
            SetupDays = days ?? 1,
            SetupEnd = all,
            SetupEndByAccount = byAccount,
            DeploymentRoles = [.. TrailOptions.DefaultDeploymentRoles, .. roles],
        };
        return null;
    }
}
