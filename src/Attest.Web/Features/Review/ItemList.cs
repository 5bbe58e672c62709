namespace Attest.Web.Features.Review;

/// <summary>Item ids typed in a form: separated by spaces, commas or semicolons.</summary>
public static class ItemList
{
    public const int MaxItems = 100;

    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => i.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxItems)
            .ToList();
}
