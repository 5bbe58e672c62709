namespace Attest.Core.Documents;

/// <summary>Bounds on what a reader accepts, so that a hostile file cannot exhaust memory or stack.</summary>
public sealed record DocumentLimits
{
    /// <summary>The default limits for application and catalog files.</summary>
    public static DocumentLimits Default { get; } = new();

    /// <summary>Largest file, in characters (10 MB of text).</summary>
    public int MaxCharacters { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes after alias expansion.</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Whether local YAML tags such as <c>!Ref</c> are kept (on <see cref="DocumentNode.Tag"/>) instead of refused;
    /// off for application and catalog files, on for CloudFormation templates.
    /// </summary>
    public bool AllowTags { get; init; }
}
