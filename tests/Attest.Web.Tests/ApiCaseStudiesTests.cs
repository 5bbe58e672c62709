using System.Net;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>Case studies through the API: format v1 in and out, If-Match on every replacement, the pages' authorization.</summary>
public sealed class ApiCaseStudiesTests(World world) : IClassFixture<World>
{
    private string Url(string key) => $"/api/v1/applications/{world.ApplicationA}/case-studies/{key}";

    private async Task<(string ETag, HttpResponseMessage Response)> CreateAsync(HttpClient client, string key, string body)
    {
        var response = await client.SendAsync(ApiSteps.Put(Url(key), ApiSteps.Json(body)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (response.Headers.ETag!.Tag, response);
    }

    [Fact]
    public async Task A_case_study_reads_as_format_v1_with_its_revision_as_etag()
    {
        using var manager = await ApiSteps.AsAsync(world, "manager");
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await CreateAsync(lead, "read-me", """{ "customer": "Read Stores", "stage": "proof-of-concept", "thirdParty": [], "completed": "2026-03-01" }""");

        var response = await manager.GetAsync(Url("read-me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await ApiSteps.JsonAsync(response);
        Assert.Equal("read-me", body.GetProperty("key").GetString());
        Assert.Equal("proof-of-concept", body.GetProperty("stage").GetString());
        Assert.Equal("2026-03-01", body.GetProperty("completed").GetString());
        Assert.Equal(0, body.GetProperty("thirdParty").GetArrayLength());
        Assert.False(body.TryGetProperty("compliance", out _), "a field not stated is left out, as in format v1");
    }

    [Fact]
    public async Task What_a_get_returns_can_be_put_back_unchanged()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var (etag, _) = await CreateAsync(lead, "round-trip", """
            { "customer": "Round Stores", "stage": "production", "useCase": "supply-chain", "delivery": "msp", "awsServices": ["Amazon S3"],
              "publicReference": { "url": "https://example.test/r", "linkedFromWebsite": true }, "availability": [ { "component": "web", "rtoMinutes": 5, "rpoMinutes": 1 } ],
              "disasterRecovery": { "rtoMinutes": 60, "testedOn": "2026-01-10" }, "pci": { "lastVulnerabilityScan": "2026-02-01" }, "evidence": ["https://example.test/e"] }
            """);
        var first = await (await lead.GetAsync(Url("round-trip"))).Content.ReadAsStringAsync();

        var put = await lead.SendAsync(ApiSteps.Put(Url("round-trip"), ApiSteps.Json(first), etag));
        var second = await (await lead.GetAsync(Url("round-trip"))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Replacing_without_if_match_is_refused_with_428_and_nothing_changes()
    {
        using var lead = await ApiSteps.AsAsync(world, "contributorA");
        await CreateAsync(lead, "no-if-match", """{ "customer": "Before" }""");

        var response = await lead.SendAsync(ApiSteps.Put(Url("no-if-match"), ApiSteps.Json("""{ "customer": "After" }""")));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        await ApiSteps.ProblemAsync(response);
        Assert.Equal("Before", await CustomerAsync("no-if-match"));
    }

    [Fact]
    public async Task The_second_of_two_editors_gets_412_and_nothing_is_overwritten()
    {
        using var first = await ApiSteps.AsAsync(world, "leadA");
        using var second = await ApiSteps.AsAsync(world, "contributorA");
        var (etag, _) = await CreateAsync(first, "two-editors", """{ "customer": "Original" }""");

        var saved = await first.SendAsync(ApiSteps.Put(Url("two-editors"), ApiSteps.Json("""{ "customer": "First editor" }"""), etag));
        var refused = await second.SendAsync(ApiSteps.Put(Url("two-editors"), ApiSteps.Json("""{ "customer": "Second editor" }"""), etag));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(2, (await ApiSteps.ProblemAsync(refused)).GetProperty("currentRevision").GetInt64());
        Assert.Equal("First editor", await CustomerAsync("two-editors"));

        var merged = await second.SendAsync(ApiSteps.Put(Url("two-editors"), ApiSteps.Json("""{ "customer": "Second editor, merged" }"""), "\"2\""));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("Second editor, merged", await CustomerAsync("two-editors"));
    }

    [Fact]
    public async Task A_new_key_creates_the_case_study_and_if_match_on_a_missing_one_fails()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var stale = await lead.SendAsync(ApiSteps.Put(Url("never-made"), ApiSteps.Json("""{ "customer": "X" }"""), "\"1\""));
        var (_, created) = await CreateAsync(lead, "brand-new", """{ "key": "brand-new", "customer": "New Stores" }""");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(Url("brand-new"), created.Headers.Location?.OriginalString);
        Assert.Equal("New Stores", await CustomerAsync("brand-new"));
    }

    [Fact]
    public async Task A_yaml_body_is_read_like_a_json_one()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var response = await lead.SendAsync(ApiSteps.Put(Url("in-yaml"), ApiSteps.Yaml("customer: Yaml Stores\nstage: pilot\nproblem: |\n  Two lines\n  of problem.\n")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiSteps.JsonAsync(response);
        Assert.Equal("pilot", body.GetProperty("stage").GetString());
        Assert.Equal("Two lines\nof problem.\n", body.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_bad_field_is_named_with_its_line_and_column_in_the_body()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var json = await lead.SendAsync(ApiSteps.Put(Url("bad-json"), ApiSteps.Json("{\n  \"customer\": \"X\",\n  \"stage\": \"prod\"\n}")));
        var yaml = await lead.SendAsync(ApiSteps.Put(Url("bad-yaml"), ApiSteps.Yaml("customer: X\ncompleted: 2026-02-30\n")));
        var unknown = await lead.SendAsync(ApiSteps.Put(Url("bad-key"), ApiSteps.Json("{ \"customr\": \"X\" }")));

        var jsonProblem = await ApiSteps.ProblemAsync(json);
        Assert.Equal(("stage", 3, 12), (jsonProblem.GetProperty("field").GetString(), jsonProblem.GetProperty("line").GetInt32(), jsonProblem.GetProperty("column").GetInt32()));
        var yamlProblem = await ApiSteps.ProblemAsync(yaml);
        Assert.Equal(("completed", 2, 12), (yamlProblem.GetProperty("field").GetString(), yamlProblem.GetProperty("line").GetInt32(), yamlProblem.GetProperty("column").GetInt32()));
        var unknownProblem = await ApiSteps.ProblemAsync(unknown);
        Assert.Equal(("customr", 1), (unknownProblem.GetProperty("field").GetString(), unknownProblem.GetProperty("line").GetInt32()));
        Assert.False(await world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().AnyAsync(c => c.Key.StartsWith("bad-"))));
    }

    [Fact]
    public async Task A_body_cannot_smuggle_a_second_case_study_or_rename_one()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var two = await lead.SendAsync(ApiSteps.Put(Url("smuggle"), ApiSteps.Json("""{ "customer": "A" }, { "key": "other", "customer": "B" }""")));
        var renamed = await lead.SendAsync(ApiSteps.Put(Url("renamed"), ApiSteps.Json("""{ "key": "elsewhere" }""")));
        var reserved = await lead.SendAsync(ApiSteps.Put(Url("new"), ApiSteps.Json("""{ "customer": "A" }""")));

        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Equal("key", (await ApiSteps.ProblemAsync(renamed)).GetProperty("field").GetString());
        Assert.Equal("key", (await ApiSteps.ProblemAsync(reserved)).GetProperty("field").GetString());
        Assert.False(await world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().AnyAsync(c => c.Key == "other" || c.Key == "smuggle" || c.Key == "elsewhere")));
    }

    [Fact]
    public async Task A_manager_reads_but_may_not_change_or_delete()
    {
        using var manager = await ApiSteps.AsAsync(world, "manager");
        var read = await manager.GetAsync(Url("contoso"));
        var write = await manager.SendAsync(ApiSteps.Put(Url("contoso"), ApiSteps.Json("""{ "customer": "Changed" }"""), read.Headers.ETag!.Tag));
        var delete = await manager.DeleteAsync(Url("contoso"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Contoso Stores", await CustomerAsync("contoso"));
    }

    [Theory]
    [InlineData("leadB")]
    [InlineData("office")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Whoever_may_not_see_the_application_gets_404_for_every_method(string user)
    {
        using var client = await ApiSteps.AsAsync(world, user);
        var read = await client.GetAsync(Url("contoso"));
        var write = await client.SendAsync(ApiSteps.Put(Url("contoso"), ApiSteps.Json("""{ "customer": "Hijacked" }"""), "\"1\""));
        var create = await client.SendAsync(ApiSteps.Put(Url("planted"), ApiSteps.Json("""{ "customer": "Planted" }""")));
        var delete = await client.DeleteAsync(Url("contoso"));

        Assert.All([read, write, create, delete], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("Contoso Stores", await CustomerAsync("contoso"));
        Assert.False(await world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().AnyAsync(c => c.Key == "planted")));
    }

    [Fact]
    public async Task Delete_removes_the_case_study_and_a_stale_if_match_keeps_it()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await CreateAsync(lead, "to-delete", """{ "customer": "Gone Soon" }""");

        var stale = await lead.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Url("to-delete")) { Headers = { { "If-Match", "\"7\"" } } });
        var deleted = await lead.DeleteAsync(Url("to-delete"));
        var again = await lead.GetAsync(Url("to-delete"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private Task<string?> CustomerAsync(string key) =>
        world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().Where(c => c.ApplicationId == world.ApplicationA && c.Key == key).Select(c => c.Customer).SingleAsync());

    [Fact]
    public async Task A_case_study_beyond_the_bound_is_refused_and_nothing_is_added()
    {
        var partner = await world.AddPartnerAsync("Many Cases Consulting", "leadMany");
        using var lead = await ApiSteps.AsAsync(world, "leadMany");
        var created = await lead.PostAsync("/api/v1/applications", ApiSteps.Json($"{{\"checklist\": \"{ApiSteps.Checklist}\"}}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiSteps.JsonAsync(created)).GetProperty("id").GetGuid();
        await world.ReadAsync(async db =>
        {
            db.CaseStudies.AddRange(Enumerable.Range(0, Attest.Core.Applications.Application.MaxCaseStudies).Select(i => new Attest.Web.Data.CaseStudyRecord
            {
                Id = Guid.NewGuid(),
                ApplicationId = id,
                PartnerId = partner,
                Position = i,
                Key = $"c{i}",
                Revision = 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        var response = await lead.SendAsync(ApiSteps.Put($"/api/v1/applications/{id}/case-studies/one-more", ApiSteps.Json("""{ "customer": "One More" }""")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already holds 200 case studies", (await ApiSteps.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, await world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().CountAsync(c => c.ApplicationId == id)));
    }
}
