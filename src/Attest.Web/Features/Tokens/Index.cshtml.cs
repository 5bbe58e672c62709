using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Tokens;

/// <summary>
/// The signed-in user's personal API tokens: create one (its secret is shown once, only its hash is kept), see when each
/// was last used, revoke. A user sees and revokes only their own tokens.
/// </summary>
public sealed class IndexModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, TimeProvider clock) : PageModel
{
    public const int MaxActiveTokens = 20;

    public sealed record Row(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The secret of the token just created: rendered in this one response, never stored.</summary>
    public string? NewToken { get; private set; }

    public IReadOnlyList<Row> Tokens { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.UserId is not { } userId)
        {
            return Forbid();
        }

        await LoadAsync(userId);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (access.Value.UserId is not { } userId)
        {
            return Forbid();
        }

        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            ModelState.AddModelError(nameof(Name), language.T(Texts.NameRequired));
        }
        else if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null) >= MaxActiveTokens)
        {
            ModelState.AddModelError(nameof(Name), string.Format(System.Globalization.CultureInfo.InvariantCulture, language.T(Texts.TooMany), MaxActiveTokens));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(userId);
            return Page();
        }

        var token = ApiTokenSecret.Create();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Prefix = ApiTokenSecret.Prefix(token),
            Hash = ApiTokenSecret.Hash(token),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();

        // Shown in this response only: not redirected, not kept in TempData, not cached
        NewToken = token;
        Name = null;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(userId);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (access.Value.UserId is not { } userId)
        {
            return Forbid();
        }

        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Notice"] = language.T(Texts.Revoked);
        return Redirect("/account/tokens");
    }

    private async Task LoadAsync(string userId)
    {
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();

        // Sorted here: SQLite cannot order by a date with an offset
        Tokens = rows.OrderBy(r => r.RevokedAt is not null).ThenByDescending(r => r.CreatedAt).ToList();
    }
}
