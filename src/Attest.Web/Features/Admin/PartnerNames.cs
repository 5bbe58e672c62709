using Attest.Core.Text;
using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>The rule for a partner's name, shared by creating and renaming: present, short, unique ignoring case.</summary>
internal static class PartnerNames
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name when it may be used, or null with the reason in <paramref name="state"/>.</summary>
    public static async Task<string?> CheckAsync(AttestDbContext db, string? name, Guid? renaming, ModelStateDictionary state, Language language, CancellationToken cancel)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            state.AddModelError("Name", Texts.PartnerNameRequired.In(language));
            return null;
        }

        var upper = trimmed.ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper on both providers, not string.Equals with a StringComparison
        if (await db.Partners.IgnoreQueryFilters().AnyAsync(p => p.Id != renaming && p.Name.ToUpper() == upper, cancel))
#pragma warning restore CA1862
        {
            state.AddModelError("Name", Texts.PartnerNameTaken.In(language));
            return null;
        }

        return trimmed;
    }

    /// <summary>A save that lost a race on the unique name index is reported like the check above.</summary>
    public static void Taken(ModelStateDictionary state, Language language) => state.AddModelError("Name", Texts.PartnerNameTaken.In(language));
}
