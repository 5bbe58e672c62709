using System.Net;
using Attest.Core.Applications;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The workflow steps as the pages take them, for the web tests.</summary>
internal static class WorkflowSteps
{
    /// <summary>Fills <paramref name="applicationId"/> with the ready example (every prerequisite met), as an import would.</summary>
    public static async Task MakeReadyAsync(World world, Guid applicationId, string? partnerName = null)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var catalogs = scope.ServiceProvider.GetRequiredService<Catalogs>();
        var (application, error) = ApplicationReader.Read(ApiSteps.ReadyExampleWithoutScannedEvidence(), "ready.yaml", catalogs.All);
        Assert.True(application is not null, error?.ToString());
        var record = await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).SingleAsync(a => a.Id == applicationId);
        ApplicationMapping.Replace(db, record, partnerName is null ? application : application with { Partner = application.Partner with { Name = partnerName } });
        // The name comes from the partner record, never from the file: a test that names the partner sets it as a rename would
        if (partnerName is not null)
        {
            record.PartnerName = partnerName;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Posts a form of <paramref name="page"/> (to its <paramref name="handler"/> when given) and expects the redirect of an accepted action.</summary>
    public static async Task<HttpResponseMessage> PostAsync(World world, string user, string page, string? handler, params (string Name, string Value)[] fields)
    {
        using var client = world.Client(user);
        var target = handler is null ? page : $"{page}?handler={handler}";
        // Any page with a form gives the antiforgery token; the home page has one for everybody signed in
        return await World.PostFormAsync(client, "/", target, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
    }

    /// <summary>Like <see cref="PostAsync"/>, and asserts the action was accepted (a redirect, no refusal).</summary>
    public static async Task DoAsync(World world, string user, string page, string? handler, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(world, user, page, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {page} {handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The stored workflow of an application, read behind the filters.</summary>
    public static Task<ApplicationWorkflow> WorkflowAsync(World world, Guid applicationId) =>
        world.ReadAsync(async db =>
        {
            var record = await db.Workflows.IgnoreQueryFiltersForTests().SingleAsync(w => w.ApplicationId == applicationId);
            return ApplicationWorkflow.Restore(SnapshotJson.Read(record.Snapshot));
        });

    /// <summary>The whole trail, in order.</summary>
    public static Task<List<AuditEntry>> TrailAsync(World world) =>
        world.ReadAsync(async db => (await db.AuditTrail.OrderBy(e => e.Sequence).ToListAsync()).Select(TrailRecords.ToDomain).ToList());

    public static async Task SubmitReadyAsync(World world, Guid applicationId, string lead = "leadA")
    {
        await MakeReadyAsync(world, applicationId);
        await DoAsync(world, lead, $"/applications/{applicationId}/submit", null, ("note", "first submission"));
    }

    /// <summary>From Draft to an audit in progress assigned to <paramref name="auditor"/>, through the pages.</summary>
    public static async Task ToAuditInProgressAsync(World world, Guid applicationId, string auditor = "auditor", string lead = "leadA")
    {
        await SubmitReadyAsync(world, applicationId, lead);
        var office = $"/applications/{applicationId}/office";
        await DoAsync(world, "office", office, "StartReview");
        await DoAsync(world, "office", office, "Schedule", Plan(world, auditor));
        await DoAsync(world, auditor, $"/audits/{applicationId}", "Start");
    }

    /// <summary>The scheduling form's fields; <paramref name="attendees"/> one per line, "name, e-mail, role", posted as the form's rows.</summary>
    public static (string, string)[] Plan(World world, string auditor, string attendees = "") =>
    [
        ("Schedule.Date", "2026-12-10"), ("Schedule.Time", "14:00"), ("Schedule.Zone", "Europe/Paris"), ("Schedule.Duration", "180"), ("Schedule.Auditor", world.Users[auditor]),
        ("Schedule.Location", "https://meet.example.test/audit"),
        .. attendees.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany((line, i) =>
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            return new[] { ($"Schedule.Attendees[{i}].Name", parts[0]), ($"Schedule.Attendees[{i}].Email", parts[1]), ($"Schedule.Attendees[{i}].Role", parts[2]) };
        }),
    ];

    /// <summary>Scores every cell of the audit: met, except the cells of <paramref name="failing"/>.</summary>
    public static async Task ScoreAllAsync(World world, Guid applicationId, string auditor = "auditor", string? failing = null)
    {
        var cells = (await WorkflowAsync(world, applicationId)).Audit!.Cells;
        var fields = new List<(string, string)>();
        for (var i = 0; i < cells.Count; i++)
        {
            fields.Add(($"Cells[{i}].Item", cells[i].ItemId));
            fields.Add(($"Cells[{i}].CaseStudy", cells[i].CaseStudyKey ?? ""));
            var fails = cells[i].ItemId == failing;
            fields.Add(($"Cells[{i}].Score", fails ? "not-met" : "met"));
            fields.Add(($"Cells[{i}].Note", fails ? "No evidence of this at the audit." : ""));
        }

        await DoAsync(world, auditor, $"/audits/{applicationId}", "Score", [.. fields]);
    }
}
