using Attest.Core.Catalogs;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Review;

/// <summary>The review before submission: the alliance lead asks one of the partner's managers; that manager comments per item and marks it done.</summary>
public sealed class ReviewModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, Catalogs catalogs) : WorkflowPageModel(store, db, language)
{
    public sealed record Manager(string Id, string Name);

    public IReadOnlyList<Manager> Managers { get; private set; } = [];

    public IReadOnlyList<ChecklistItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(string? reviewer)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        // Only a manager assigned to this partner can be asked, whatever the form says
        var chosen = Managers.FirstOrDefault(m => m.Id == reviewer);
        return await ActAsync(
            (actor, now) => Workflow.RequestReview(actor, now, chosen?.Id ?? "", chosen?.Name ?? ""),
            () => Task.FromResult<IReadOnlyList<Notice>>([new Notice(chosen!.Id, "review-requested", Texts.NoticeReviewAsked.With(Actor!.Name, PartnerName), $"/applications/{Id}/review")]),
            $"/applications/{Id}/review");
    }

    public async Task<IActionResult> OnPostCommentAsync(string? item, string? text)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        var itemId = string.IsNullOrWhiteSpace(item) ? null : item.Trim();
        if (itemId is not null && Items.All(i => i.Id != itemId))
        {
            return BadRequest();
        }

        return await ActAsync((actor, now) => Workflow.CommentOnReview(actor, now, itemId, text ?? ""), Nobody, $"/applications/{Id}/review");
    }

    public async Task<IActionResult> OnPostCompleteAsync(string? summary)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        var requester = Workflow.CurrentReview?.RequestedBy;
        return await ActAsync(
            (actor, now) => Workflow.CompleteReview(actor, now, summary),
            () => Task.FromResult<IReadOnlyList<Notice>>(requester is null ? [] : [new Notice(requester, "review-done", Texts.NoticeReviewDone.With(Actor!.Name, PartnerName), $"/applications/{Id}/review")]),
            $"/applications/{Id}/review");
    }

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync() || Actor!.Role is Role.ProgramOffice or Role.Auditor)
        {
            return false;
        }

        var partner = Loaded.Application.PartnerId;
        Managers = await Db.PartnerAssignments.AsNoTracking().Where(a => a.PartnerId == partner)
            .Join(Db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName, u.Role })
            .Where(u => u.Role == UserRole.PartnerManager)
            .Select(u => new Manager(u.Id, u.DisplayName))
            .ToListAsync(HttpContext.RequestAborted);
        Items = catalogs.Find(Loaded.Application.ChecklistId)?.Items ?? [];
        return true;
    }
}
