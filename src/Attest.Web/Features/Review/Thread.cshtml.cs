using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Review;

/// <summary>The information thread: the program office's requests and the partner's answers, with items and library files.</summary>
public sealed class ThreadModel(WorkflowStore store, AttestDbContext db, RequestLanguage language) : WorkflowPageModel(store, db, language)
{
    public sealed record LibraryFile(Guid Id, string Name, string Sha256);

    /// <summary>The partner's library files that can be attached (partner users only).</summary>
    public IReadOnlyList<LibraryFile> Library { get; private set; } = [];

    public bool IsPartnerUser => Actor?.Role is Role.AllianceLead or Role.Contributor;

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? text, string? items, List<Guid>? attach)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        var chosen = attach ?? [];
        if (chosen.Count > MessageDraft.MaxAttachments)
        {
            return BadRequest();
        }

        // Only files of the partner's own library can be attached, whatever ids the form carries
        var files = Library.Where(f => chosen.Contains(f.Id)).Select(f => new AttachmentReference(f.Id.ToString(), f.Name, f.Sha256)).ToList();
        if (files.Count != chosen.Distinct().Count())
        {
            return NotFound();
        }

        var draft = new MessageDraft(text ?? "", ItemList.Parse(items), files);
        return await ActAsync(
            (actor, now) => Workflow.Reply(actor, now, draft),
            async () => (await OfficeAsync()).Select(u => new Notice(u, "replied", Texts.NoticeReplied.With(Actor!.Name, PartnerName), $"/applications/{Id}/thread")).ToList(),
            $"/applications/{Id}/thread");
    }

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync() || Actor!.Role is Role.Auditor)
        {
            return false;
        }

        if (IsPartnerUser)
        {
            var partner = Loaded.Application.PartnerId;
            var rows = await Db.Evidence.AsNoTracking().Where(e => e.PartnerId == partner && e.Sha256 != null)
                .Select(e => new { e.Id, e.Name, e.Sha256 })
                .ToListAsync(HttpContext.RequestAborted);
            Library = rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new LibraryFile(r.Id, r.Name, r.Sha256!)).ToList();
        }

        return true;
    }
}
