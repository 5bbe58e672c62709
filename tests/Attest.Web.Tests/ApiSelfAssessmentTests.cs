using System.Net;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class ApiSelfAssessmentTests(World world) : IClassFixture<World>
{
    private string Url(string item) => $"/api/v1/applications/{world.ApplicationA}/self-assessment/{item}";

    [Fact]
    public async Task An_unanswered_item_reads_empty_at_revision_0()
    {
        using var manager = await ApiSteps.AsAsync(world, "manager");
        var response = await manager.GetAsync(Url("PRE-4.1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal("{}", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task An_editor_answers_an_item_and_readiness_sees_it()
    {
        using var contributor = await ApiSteps.AsAsync(world, "contributorA");
        var saved = await contributor.SendAsync(ApiSteps.Put(Url("VAL-1.1"), ApiSteps.Json("""{ "met": true, "note": "Deck by our head of retail.", "evidence": ["https://example.test/deck"] }""")));
        var read = await contributor.GetAsync(Url("VAL-1.1"));
        var readiness = await ApiSteps.JsonAsync(await contributor.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness?asOf=2026-11-26"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var body = await ApiSteps.JsonAsync(read);
        Assert.True(body.GetProperty("met").GetBoolean());
        Assert.Equal("https://example.test/deck", Assert.Single(body.GetProperty("evidence").EnumerateArray()).GetString());
        var item = readiness.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-1.1");
        Assert.Equal("Deck by our head of retail.", item.GetProperty("selfAssessment").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Answers_per_case_study_are_stored_and_read_back()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var saved = await lead.SendAsync(ApiSteps.Put(Url("VAL-2.2"), ApiSteps.Json("""
            { "met": true, "note": "Pipelines only.", "caseStudies": { "contoso": { "answer": "met", "note": "CodePipeline.", "evidence": ["iac/contoso/"] } } }
            """)));
        var read = await ApiSteps.JsonAsync(await lead.GetAsync(Url("VAL-2.2")));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var contoso = read.GetProperty("caseStudies").GetProperty("contoso");
        Assert.Equal(("met", "CodePipeline.", "iac/contoso/"), (contoso.GetProperty("answer").GetString(), contoso.GetProperty("note").GetString(), Assert.Single(contoso.GetProperty("evidence").EnumerateArray()).GetString()));
        Assert.Equal(read.GetProperty("caseStudies").GetRawText(), (await ApiSteps.JsonAsync(saved)).GetProperty("caseStudies").GetRawText());
    }

    [Fact]
    public async Task A_stale_if_match_is_refused()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var first = await lead.SendAsync(ApiSteps.Put(Url("VAL-1.2"), ApiSteps.Json("""{ "met": false }"""), "\"0\""));
        var stale = await lead.SendAsync(ApiSteps.Put(Url("VAL-1.2"), ApiSteps.Json("""{ "met": true }"""), "\"0\""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.False(await world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().Where(s => s.ApplicationId == world.ApplicationA && s.ItemId == "VAL-1.2").Select(s => s.Met).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_item_is_not_found_and_a_bad_value_is_named()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var unknownRead = await lead.GetAsync(Url("PRE-9.9"));
        var unknownWrite = await lead.SendAsync(ApiSteps.Put(Url("PRE-9.9"), ApiSteps.Json("""{ "met": true }""")));
        var bad = await ApiSteps.ProblemAsync(await lead.SendAsync(ApiSteps.Put(Url("PRE-1.2"), ApiSteps.Json("{\n  \"met\": \"maybe\"\n}"))));
        var smuggled = await lead.SendAsync(ApiSteps.Put(Url("PRE-1.2"), ApiSteps.Json("""{ "met": true }, "PRE-1.1": { "met": true }""")));

        Assert.Equal(HttpStatusCode.NotFound, unknownRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownWrite.StatusCode);
        Assert.Equal(("met", 2), (bad.GetProperty("field").GetString(), bad.GetProperty("line").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, smuggled.StatusCode);
    }

    [Theory]
    [InlineData("manager", HttpStatusCode.Forbidden)]
    [InlineData("leadB", HttpStatusCode.NotFound)]
    [InlineData("office", HttpStatusCode.NotFound)]
    [InlineData("auditor", HttpStatusCode.NotFound)]
    [InlineData("admin", HttpStatusCode.NotFound)]
    public async Task Only_the_partners_editors_may_answer(string user, HttpStatusCode expected)
    {
        using var client = await ApiSteps.AsAsync(world, user);
        var response = await client.SendAsync(ApiSteps.Put(Url("PRE-3.1"), ApiSteps.Json("""{ "met": true }""")));

        Assert.Equal(expected, response.StatusCode);
        Assert.False(await world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().AnyAsync(s => s.ApplicationId == world.ApplicationA && s.ItemId == "PRE-3.1")));
    }
}
