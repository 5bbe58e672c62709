using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The errors of one form field, shown beside it (partial <c>_FieldError</c>) as well as in the summary at the top of the
/// page; the field points at them with <c>aria-describedby</c> and says <c>aria-invalid</c>.
/// </summary>
/// <param name="Key">The field's key in the model state (its posted name).</param>
/// <param name="State">The page's model state.</param>
/// <param name="ElementId">The id of the error paragraph; by default made from <paramref name="Key"/>.</param>
public sealed record FieldError(string Key, ModelStateDictionary State, string? ElementId = null)
{
    /// <summary>The id of the paragraph holding the errors.</summary>
    public string Id => ElementId ?? IdOf(Key);

    /// <summary>The errors joined, or null when the field has none.</summary>
    public string? Text => TextOf(State, Key);

    /// <summary>The errors of <paramref name="key"/> joined, or null.</summary>
    public static string? TextOf(ModelStateDictionary state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
    }

    /// <summary><c>true</c> when <paramref name="key"/> has an error, otherwise null (the attribute is left out).</summary>
    public static string? Invalid(ModelStateDictionary state, string key) => TextOf(state, key) is null ? null : "true";

    /// <summary>The <c>aria-describedby</c> value: the hint's id and, when the field has errors, theirs; null when neither.</summary>
    public static string? Described(ModelStateDictionary state, string key, string? hint = null, string? errorId = null)
    {
        var error = TextOf(state, key) is null ? null : errorId ?? IdOf(key);
        var ids = string.Join(' ', new[] { hint, error }.Where(i => i is not null));
        return ids.Length == 0 ? null : ids;
    }

    /// <summary>An element id from a posted name: <c>Schedule.Attendees[0].Name</c> gives <c>schedule-attendees-0-name-error</c>.</summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var chars = key.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries)) + "-error";
    }
}
