using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The workflow store on the real database: optimistic concurrency and the trail under parallel saves.</summary>
public sealed class WorkflowStoreTests : IAsyncLifetime
{
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Of_two_people_acting_on_the_same_loaded_workflow_the_second_is_told_and_writes_nothing()
    {
        await WorkflowSteps.SubmitReadyAsync(world, world.ApplicationA);
        using var first = Scope("office");
        using var second = Scope("office");
        var one = (await Store(first).LoadAsync(world.ApplicationA, CancellationToken.None))!;
        var two = (await Store(second).LoadAsync(world.ApplicationA, CancellationToken.None))!;
        var office = new Actor(world.Users["office"], "office", Role.ProgramOffice);
        var now = world.Factory.Now.AddMinutes(5);

        Assert.True(one.Workflow.StartReview(office, now).Succeeded);
        Assert.True(two.Workflow.StartReview(office, now, "twice").Succeeded);
        Assert.True(await Store(first).SaveAsync(one, [], CancellationToken.None));
        Assert.False(await Store(second).SaveAsync(two, [], CancellationToken.None));

        var trail = await WorkflowSteps.TrailAsync(world);
        Assert.Equal(["submit", "start-review"], trail.Select(e => e.Action));
        Assert.DoesNotContain(trail, e => e.After?.Contains("twice", StringComparison.Ordinal) == true);
        Assert.True(AuditTrail.Verify(trail).Intact);
    }

    [Fact]
    public async Task Parallel_submissions_of_different_partners_chain_one_after_the_other()
    {
        var applications = new List<(Guid Id, string Lead)>();
        for (var i = 0; i < 6; i++)
        {
            var lead = $"lead{i}";
            var partner = await world.AddPartnerAsync($"Partner {i}", lead);
            var id = Guid.NewGuid();
            await world.ReadAsync(async db =>
            {
                db.Applications.Add(new ApplicationRecord { Id = id, PartnerId = partner, ChecklistId = "aws-retail-consulting-2019-12", Revision = 1, PartnerName = $"Partner {i}" });
                return await db.SaveChangesAsync();
            });
            await WorkflowSteps.MakeReadyAsync(world, id, $"Partner {i}");
            applications.Add((id, lead));
        }

        await Task.WhenAll(applications.Select(a => WorkflowSteps.DoAsync(world, a.Lead, $"/applications/{a.Id}/submit", null)));

        var trail = await WorkflowSteps.TrailAsync(world);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), trail.Select(e => e.Sequence));
        Assert.Equal(applications.Select(a => a.Id.ToString()).Order(StringComparer.Ordinal), trail.Select(e => e.EntityId).Order(StringComparer.Ordinal));
        Assert.True(AuditTrail.Verify(trail).Intact);
    }

    private IServiceScope Scope(string user)
    {
        var scope = world.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Value = new Access { UserId = world.Users[user], Role = UserRole.ProgramOffice, SeesSubmitted = true };
        return scope;
    }

    private static WorkflowStore Store(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<WorkflowStore>();
}
