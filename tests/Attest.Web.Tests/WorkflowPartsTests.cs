using Attest.Core.Workflow;
using Attest.Web.Features.Review;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;

namespace Attest.Web.Tests;

/// <summary>The web layer's own small parts of the workflow: the calendar settings, item lists typed in forms, the dashboard's links.</summary>
public sealed class WorkflowPartsTests
{
    [Fact]
    public void The_calendar_comes_from_the_settings_and_a_wrong_one_names_the_setting()
    {
        var france = new OfficeCalendar(new WorkflowSettings { Holidays = "france", ExtraHolidays = ["2026-12-24"], TimeZone = "Europe/Paris" });
        Assert.Equal(HolidayRules.France, france.Calendar.Rules);
        Assert.True(france.Calendar.IsHoliday(new DateOnly(2026, 12, 24)));
        Assert.True(france.Calendar.IsHoliday(new DateOnly(2026, 7, 14)));
        Assert.Equal(new DateOnly(2026, 11, 27), new OfficeClock(new Support.AttestFactory.FixedTime(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)), france.Zone).Today);
        Assert.Equal(HolidayRules.UnitedStatesFederal, new OfficeCalendar(new WorkflowSettings()).Calendar.Rules);

        Assert.Contains("Attest:Workflow:Holidays", Assert.Throws<InvalidOperationException>(() => new OfficeCalendar(new WorkflowSettings { Holidays = "mars" })).Message, StringComparison.Ordinal);
        Assert.Contains("Attest:Workflow:Holidays:Extra:0", Assert.Throws<InvalidOperationException>(() => new OfficeCalendar(new WorkflowSettings { ExtraHolidays = ["24/12/2026"] })).Message, StringComparison.Ordinal);
        Assert.Contains("Attest:Workflow:TimeZone", Assert.Throws<InvalidOperationException>(() => new OfficeCalendar(new WorkflowSettings { TimeZone = "Mars/Olympus" })).Message, StringComparison.Ordinal);
        Assert.Contains("Attest:Workflow:AnswerBusinessDays", Assert.Throws<InvalidOperationException>(() => new OfficeCalendar(new WorkflowSettings { AnswerBusinessDays = 0 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_lists_accept_spaces_commas_and_semicolons_and_drop_repeats()
    {
        Assert.Equal(["VAL-2.4", "PRE-3.1"], ItemList.Parse(" val-2.4, PRE-3.1;VAL-2.4\n"));
        Assert.Empty(ItemList.Parse(null));
        Assert.Equal(ItemList.MaxItems, ItemList.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"X-{i}"))).Count);
    }

    [Fact]
    public void The_dashboard_links_only_the_steps_the_person_may_take()
    {
        var id = Guid.NewGuid();
        var workflow = new ApplicationWorkflow(id.ToString());
        var lead = new Actor("lead", "Lead", Role.AllianceLead);
        var contributor = new Actor("contributor", "Contributor", Role.Contributor);
        var office = new Actor("office", "Office", Role.ProgramOffice);

        var forLead = WorkflowPanel.For(id, workflow, lead, null).Links.Select(l => l.Href).ToList();
        Assert.Contains($"/applications/{id}/submit", forLead);
        Assert.Contains($"/applications/{id}/review", forLead);
        Assert.Contains($"/applications/{id}/submit#withdraw", forLead);
        Assert.Empty(WorkflowPanel.For(id, workflow, contributor, null).Links);
        Assert.Equal([$"/applications/{id}/office"], WorkflowPanel.For(id, workflow, office, null).Links.Select(l => l.Href));
    }
}
