using System.Net;
using Attest.Core.Workflow;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>The administrator runs the installation and reads no partner content: notes partners write on their steps stay out of the audit-trail page and CSV.</summary>
public sealed class AdminSeesNoPartnerTextTests : IAsyncLifetime
{
    private const string SubmitNote = "Our margins on the Contoso deal are 41 percent";
    private const string WithdrawNote = "Withdrawn: the customer reference fell through";
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task The_trail_export_and_page_leave_out_partner_notes_and_keep_the_states_and_the_stored_chain()
    {
        var a = world.ApplicationA;
        await WorkflowSteps.MakeReadyAsync(world, a);
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{a}/submit", null, ("note", SubmitNote));
        await WorkflowSteps.DoAsync(world, "office", $"/applications/{a}/office", "StartReview");
        var b = world.ApplicationB;
        await WorkflowSteps.MakeReadyAsync(world, b);
        await WorkflowSteps.DoAsync(world, "leadB", $"/applications/{b}/submit", null, ("note", "Beta's first try"));
        await WorkflowSteps.DoAsync(world, "leadB", $"/applications/{b}/submit", "Withdraw", ("note", WithdrawNote));

        // The stored chain keeps every word (it is what the hashes cover)
        var trail = await WorkflowSteps.TrailAsync(world);
        Assert.True(AuditTrail.Verify(trail).Intact);
        Assert.Contains(trail, e => e.After?.Contains(SubmitNote, StringComparison.Ordinal) == true);

        using var admin = world.Client("admin");
        var csv = await admin.GetAsync("/admin/audit-trail?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.DoesNotContain(SubmitNote, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WithdrawNote, text, StringComparison.Ordinal);
        Assert.DoesNotContain("first try", text, StringComparison.Ordinal);
        Assert.Contains("\"\"note_withheld\"\":true,\"\"state\"\":\"\"submitted\"\"", text, StringComparison.Ordinal);
        Assert.Contains("\"\"state\"\":\"\"in-review\"\"", text, StringComparison.Ordinal);
        Assert.Equal(trail.Count(e => e.ActorRole is "alliance-lead" or "contributor" && e.After?.Contains("\"note\"", StringComparison.Ordinal) == true), CountOf(text, "note_withheld"));
        Assert.Equal(trail.Count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit-trail"));
        Assert.Contains("The chain is intact", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SubmitNote, page, StringComparison.Ordinal);
        Assert.DoesNotContain(WithdrawNote, page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
