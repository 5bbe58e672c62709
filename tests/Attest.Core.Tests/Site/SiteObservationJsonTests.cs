using Attest.Core.Site;

namespace Attest.Core.Tests.Site;

public sealed class SiteObservationJsonTests
{
    private const string Minimal = """
        {
          "format": "attest/site-observation/v1",
          "observedAt": "2026-11-25T22:30:00Z",
          "startUrl": "https://acme.example/",
          "pages": [ { "url": "https://acme.example/", "depth": 0, "status": 200, "published": "2026-03-01", "dateSource": "json-ld" } ],
          "refused": [ { "url": "https://acme.example/big", "depth": 1, "reason": "too-big" } ],
          "practicePage": { "url": "https://acme.example/retail", "reachable": false },
          "limitsHit": ["depth"]
        }
        """;

    [Fact]
    public void A_written_observation_reads_back_the_same()
    {
        var (observation, error) = SiteObservationJson.Read(Minimal, "obs.json");

        Assert.Null(error);
        Assert.Equal(new DateOnly(2026, 11, 25), observation!.ObservedOn);
        Assert.Equal(DateSource.JsonLd, observation.Pages[0].DateSource);
        Assert.Equal(RefusalReason.TooBig, observation.Refused[0].Reason);
        Assert.Equal([SiteLimit.Depth], observation.LimitsHit);
        Assert.False(observation.PracticePage!.Reachable);
        var written = SiteObservationJson.Write(observation);
        Assert.Equal(written, SiteObservationJson.Write(SiteObservationJson.Read(written, "again.json").Observation!));
        Assert.Contains("\"reason\": \"too-big\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":"attest/site-observation/v9","observedAt":"2026-11-25T22:30:00Z","startUrl":"x"}""", "format")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"yesterday","startUrl":"x"}""", "observedAt")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"2026-11-25T22:30:00Z"}""", "startUrl")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"2026-11-25T22:30:00Z","startUrl":"x","pages":[{"url":"u","depth":0,"status":200,"published":"01/03/2026"}]}""", "pages[0].published")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"2026-11-25T22:30:00Z","startUrl":"x","refused":[{"url":"u","depth":1,"reason":"boom"}]}""", "refused[0].reason")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"2026-11-25T22:30:00Z","startUrl":"x","caseStudies":[{"url":"u","reachable":"yes"}]}""", "caseStudies[0].reachable")]
    [InlineData("""{"format":"attest/site-observation/v1","observedAt":"2026-11-25T22:30:00Z","startUrl":"x","pages":[{"url":"u","depth":-1,"status":200}]}""", "pages[0].depth")]
    public void Errors_name_the_file_and_the_field(string json, string field)
    {
        var (observation, error) = SiteObservationJson.Read(json, "obs.json");

        Assert.Null(observation);
        Assert.Equal("obs.json", error!.File);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Malformed_json_gives_its_line()
    {
        var (_, error) = SiteObservationJson.Read("{\n  \"format\": ", "obs.json");

        Assert.Equal(2, error!.Line);
        Assert.Contains("not valid JSON", error.Problem, StringComparison.Ordinal);
    }
}
