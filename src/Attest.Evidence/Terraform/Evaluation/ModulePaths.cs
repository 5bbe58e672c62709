namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Module source strings and folder paths, always with '/' separators.</summary>
internal static class ModulePaths
{
    /// <summary>True for a local source: <c>./x</c>, <c>../x</c>, as Terraform recognises them.</summary>
    public static bool IsLocal(string source) =>
        source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal)
        || source.StartsWith(".\\", StringComparison.Ordinal) || source.StartsWith("..\\", StringComparison.Ordinal)
        || source is "." or "..";

    /// <summary>Where a non-local source comes from, in words.</summary>
    public static string Kind(string source)
    {
        if (source.StartsWith("git::", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal)
            || source.StartsWith("github.com/", StringComparison.Ordinal) || source.StartsWith("bitbucket.org/", StringComparison.Ordinal))
        {
            return "git";
        }

        if (source.Contains("::", StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal))
        {
            return "a remote source";
        }

        return source.Split('/').Length is 3 or 4 ? "registry" : "an unsupported source";
    }

    /// <summary>Joins a relative path to a folder and resolves <c>.</c> and <c>..</c>; leading <c>..</c> stay; the empty path is <c>.</c>.</summary>
    public static string Join(string folder, string relative)
    {
        var segments = new List<string>();
        foreach (var part in (folder + "/" + relative).Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(part);
            }
        }

        var joined = string.Join('/', segments);
        return folder.StartsWith('/') && !joined.StartsWith("..", StringComparison.Ordinal) ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>A file's display name inside a folder.</summary>
    public static string File(string folder, string name) => folder is "." or "" ? name : folder.TrimEnd('/') + "/" + name;
}
