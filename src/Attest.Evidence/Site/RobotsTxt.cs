namespace Attest.Evidence.Site;

/// <summary>
/// A robots.txt file (RFC 9309) as it applies to one crawler: the group naming the crawler's product token, else the
/// <c>*</c> group; Allow and Disallow with <c>*</c> and <c>$</c>; the longest matching rule wins, Allow on a tie.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>The most of a robots.txt file that is read; the rest is ignored, as RFC 9309 allows.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly List<Rule> rules;

    private RobotsTxt(List<Rule> rules) => this.rules = rules;

    /// <summary>A file that allows everything (none, or one answered with a 4xx status).</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>A file that disallows everything (the server failed to answer for it).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Rule("/", false)]);

    private sealed record Rule(string Pattern, bool Allow);

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];
    }

    /// <summary>Parses <paramref name="text"/> for the crawler whose product token is <paramref name="agent"/>.</summary>
    public static RobotsTxt Parse(string text, string agent)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(value);
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow":
                    lastWasAgent = false;
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new Rule(value, key == "allow"));
                    }

                    break;
                default:
                    // Sitemap, crawl-delay and unknown lines neither start nor end a group
                    break;
            }
        }

        var mine = groups.Where(g => g.Agents.Any(a => Names(a, agent))).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Any(a => a == "*")).ToList();
        }

        return new RobotsTxt(mine.SelectMany(g => g.Rules).ToList());
    }

    /// <summary>Whether the crawler may fetch <paramref name="pathAndQuery"/> (starting with <c>/</c>).</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery.Length == 0)
        {
            pathAndQuery = "/";
        }

        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, pathAndQuery))
            {
                continue;
            }

            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    // The user-agent line names a product token; a version after '/' does not matter, and case does not either
    private static bool Names(string line, string agent)
    {
        var token = line.Split('/', 2)[0].Trim();
        return token.Length > 0 && token != "*" && token.Equals(agent, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a robots.txt path pattern matches from the start of <paramref name="path"/>: <c>*</c> any run of characters, a final <c>$</c> the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        // Greedy glob with one backtrack point per star: linear enough for robots.txt sizes
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p == pattern.Length && !anchored)
            {
                return true;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
