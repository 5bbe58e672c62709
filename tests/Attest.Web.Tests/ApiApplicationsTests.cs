using System.Net;
using System.Text.Json;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class ApiApplicationsTests(World world) : IClassFixture<World>
{
    private async Task<List<Guid>> VisibleAsync(string user)
    {
        using var client = world.Client(user);
        var response = await client.GetAsync("/api/v1/applications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ApiSteps.JsonAsync(response)).EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];
    }

    [Fact]
    public async Task The_list_holds_only_what_the_caller_may_see()
    {
        Assert.Equal([world.ApplicationA], await VisibleAsync("leadA"));
        Assert.Equal([world.ApplicationA], await VisibleAsync("contributorA"));
        Assert.Equal([world.ApplicationA], await VisibleAsync("manager"));
        Assert.Equal([world.ApplicationB], await VisibleAsync("leadB"));
        Assert.Empty(await VisibleAsync("office"));
        Assert.Empty(await VisibleAsync("auditor"));
        Assert.Empty(await VisibleAsync("admin"));
    }

    [Fact]
    public async Task An_application_reads_with_a_token_and_says_whether_the_caller_may_edit()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var response = await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var application = await ApiSteps.JsonAsync(response);
        Assert.Equal(ApiSteps.Checklist, application.GetProperty("checklist").GetString());
        Assert.Equal("draft", application.GetProperty("status").GetString());
        Assert.True(application.GetProperty("canEdit").GetBoolean());
        Assert.Equal("contoso", Assert.Single(application.GetProperty("caseStudies").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal($"\"{application.GetProperty("revision").GetInt64()}\"", response.Headers.ETag?.Tag);

        using var manager = await ApiSteps.AsAsync(world, "manager");
        var managed = await ApiSteps.JsonAsync(await manager.GetAsync($"/api/v1/applications/{world.ApplicationA}"));
        Assert.False(managed.GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task Another_partners_application_is_not_found_and_the_answer_says_nothing_more()
    {
        using var other = await ApiSteps.AsAsync(world, "leadB");
        var hidden = await other.GetAsync($"/api/v1/applications/{world.ApplicationA}");
        var missing = await other.GetAsync($"/api/v1/applications/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal((await ApiSteps.ProblemAsync(missing)).GetProperty("detail").GetString(), (await ApiSteps.ProblemAsync(hidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Anonymous_calls_get_401_with_a_bearer_challenge_and_a_problem_body()
    {
        using var anonymous = world.Client(null);
        var response = await anonymous.GetAsync("/api/v1/applications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        await ApiSteps.ProblemAsync(response);
    }

    [Fact]
    public async Task Errors_without_an_endpoint_are_problem_details_not_html_pages()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await ApiSteps.ProblemAsync(await lead.GetAsync("/api/v1/no-such-thing"));
        var wrongMethod = await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}/import");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        await ApiSteps.ProblemAsync(wrongMethod);
    }

    [Fact]
    public async Task The_signed_in_session_reads_the_api_but_cannot_change_anything()
    {
        using var browser = world.Client(null);
        var signedIn = await World.PostFormAsync(browser, "/account/sign-in", "/account/sign-in", [new("Email", "leadA@example.test"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var read = await browser.GetAsync($"/api/v1/applications/{world.ApplicationA}/self-assessment/PRE-1.1");
        var write = await browser.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationA}/self-assessment/PRE-1.1", ApiSteps.Json("{\"met\": true}")));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("Bearer", Assert.Single(write.Headers.WwwAuthenticate).Scheme);
        Assert.False(await world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().AnyAsync(s => s.ApplicationId == world.ApplicationA && s.ItemId == "PRE-1.1")));
    }

    [Fact]
    public async Task The_test_user_header_alone_cannot_change_anything_either()
    {
        using var lead = world.Client("leadA");
        var response = await lead.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationA}/self-assessment/PRE-1.1", ApiSteps.Json("{\"met\": true}")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_alliance_lead_starts_an_application_once_per_checklist()
    {
        var partner = Guid.NewGuid();
        await world.ReadAsync(async db =>
        {
            db.Partners.Add(new Partner { Id = partner, Name = "Gamma Retail " + partner.ToString("N")[..6] });
            return await db.SaveChangesAsync();
        });
        var leadC = await AdminTestSteps.CreateUserAsync(world, $"leadc-{partner:N}@example.test", UserRole.AllianceLead, partner);
        using var client = ApiSteps.Bearer(world, await ApiSteps.IssueTokenAsync(world, leadC));

        var unknown = await client.PostAsync("/api/v1/applications", ApiSteps.Json("{\"checklist\": \"no-such-checklist\"}"));
        var malformed = await client.PostAsync("/api/v1/applications", ApiSteps.Json("{\"checklist\": "));
        var created = await client.PostAsync("/api/v1/applications", ApiSteps.Json($"{{\"checklist\": \"{ApiSteps.Checklist}\"}}"));
        var again = await client.PostAsync("/api/v1/applications", ApiSteps.Json($"{{\"checklist\": \"{ApiSteps.Checklist}\"}}"));

        Assert.Equal("checklist", (await ApiSteps.ProblemAsync(unknown)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiSteps.JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/applications/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await ApiSteps.ProblemAsync(again)).GetProperty("applicationId").GetGuid());
        Assert.Equal(partner, await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.Id == id).Select(a => a.PartnerId).SingleAsync()));
    }

    [Theory]
    [InlineData("contributorA")]
    [InlineData("manager")]
    [InlineData("office")]
    [InlineData("admin")]
    public async Task Only_an_alliance_lead_may_start_an_application(string user)
    {
        using var client = await ApiSteps.AsAsync(world, user);
        var response = await client.PostAsync("/api/v1/applications", ApiSteps.Json($"{{\"checklist\": \"{ApiSteps.Checklist}\"}}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ApiSteps.ProblemAsync(response);
    }

    [Fact]
    public async Task Readiness_refuses_a_bad_date_or_language_with_the_field_named()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var date = await ApiSteps.ProblemAsync(await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness?asOf=26/11/2026"));
        var language = await ApiSteps.ProblemAsync(await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness?lang=de"));

        Assert.Equal("asOf", date.GetProperty("field").GetString());
        Assert.Equal("lang", language.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Readiness_speaks_the_callers_language_unless_asked()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        lead.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var french = await ApiSteps.JsonAsync(await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness?asOf=2026-11-26"));
        var english = await ApiSteps.JsonAsync(await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness?asOf=2026-11-26&lang=en"));

        Assert.Equal("fr", french.GetProperty("language").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("2026-11-26", english.GetProperty("asOf").GetString());
        Assert.Equal(JsonValueKind.False, english.GetProperty("ready").ValueKind);
    }
}
