using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// A refused import says why in the page's language throughout: the reader's French wording of the problem where it has
/// one, else the place alone — never an English problem inside a French sentence.
/// </summary>
public sealed class FrenchImportErrorTests(World world) : IClassFixture<World>
{
    [Theory]
    [InlineData("completed: 2026-01-15", "completed: 2026-13-45", "en", "application.yaml was not imported: impossible date '2026-13-45'")]
    [InlineData("completed: 2026-01-15", "completed: 2026-13-45", "fr", "application.yaml n'a pas été importé\u00a0: une date réelle au format AAAA-MM-JJ, du 1900-01-01 au 2999-12-31, est attendue, pas «\u00a02026-13-45\u00a0»")]
    [InlineData("stage: production", "stage: finished", "fr", "application.yaml n'a pas été importé\u00a0: valeur inconnue «\u00a0finished\u00a0» (valeurs possibles\u00a0: ")]
    [InlineData("format: attest/application/v1", "format: attest/application/v1\nsurprise: true", "fr", "application.yaml n'a pas été importé\u00a0: clé inconnue «\u00a0surprise\u00a0» (clés possibles\u00a0: ")]
    [InlineData("format: attest/application/v1", "format: [attest/application/v1", "fr", "application.yaml n'a pas été importé\u00a0: le fichier ne respecte pas le format de candidature v1 (ligne ")]
    public async Task The_import_error_is_in_the_pages_language(string find, string replace, string language, string expected)
    {
        var yaml = ApiSteps.ReadyExampleWithoutScannedEvidence();
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        yaml = yaml.Replace(find, replace, StringComparison.Ordinal);
        using var client = world.Client("leadA");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await EvidenceTestWorkspace.TokenAsync(client, $"/applications/{world.ApplicationA}")), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "file", "application.yaml");
        var response = await client.PostAsync($"/applications/{world.ApplicationA}?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var start = html.IndexOf("id=\"import-error\">", StringComparison.Ordinal);
        Assert.True(start > 0, "no import error beside the file field");
        var message = html[(start + "id=\"import-error\">".Length)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        if (language == "fr")
        {
            foreach (var english in new[] { "expected", "unknown", "got", "line", "field", "syntax", "error" })
            {
                Assert.DoesNotContain(english, message.Replace("attest/application/v1", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
