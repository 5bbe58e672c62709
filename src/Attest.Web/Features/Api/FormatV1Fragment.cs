using System.Text;
using System.Text.Json;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Web.Features.Api;

/// <summary>
/// Reads one case study, or one self-assessment entry, in format v1 (JSON or YAML) with the application reader itself:
/// the fragment is placed inside a minimal application, and error places are mapped back onto the body. One reader,
/// so the API accepts and refuses exactly what a file import does.
/// </summary>
public static class FormatV1Fragment
{
    public static (CaseStudy? CaseStudy, InputError? Error) ReadCaseStudy(string body, Catalog checklist)
    {
        var (application, error) = Read(body, checklist, "caseStudies", "caseStudies[0]", jsonOpen: "[", jsonClose: "]", yamlHead: "  -", []);
        if (error is not null)
        {
            return (null, error);
        }

        return application!.CaseStudies.Count == 1
            ? (application.CaseStudies[0], null)
            : (null, new InputError(RequestBody.FileName, 0, 0, "", "expected exactly one case study (a mapping of its fields)"));
    }

    /// <summary>Reads one self-assessment entry; its per-case-study answers may name the application's <paramref name="caseStudyKeys"/>.</summary>
    public static (SelfAssessmentEntry? Entry, InputError? Error) ReadSelfAssessment(string body, Catalog checklist, ChecklistItem item, IReadOnlyList<string>? caseStudyKeys = null)
    {
        var key = JsonSerializer.Serialize(item.Id);
        var (application, error) = Read(body, checklist, "selfAssessment", $"selfAssessment.{item.Id}", jsonOpen: "{" + key + ":", jsonClose: "}", yamlHead: $"  {key}:", caseStudyKeys ?? []);
        if (error is not null)
        {
            return (null, error);
        }

        return application!.SelfAssessment.Count == 1 && application.SelfAssessment.TryGetValue(item.Id, out var entry)
            ? (entry, null)
            : (null, new InputError(RequestBody.FileName, 0, 0, "", "expected one self-assessment entry (a mapping of met, note, evidence)"));
    }

    private static (Application? Application, InputError? Error) Read(string body, Catalog checklist, string section, string fieldPrefix, string jsonOpen, string jsonClose, string yamlHead, IReadOnlyList<string> caseStudyKeys)
    {
        // The application's case studies, on the head's first line, so that an answer per case study may name them
        var known = string.Join(",", caseStudyKeys.Select(k => "{\"key\":" + JsonSerializer.Serialize(k) + "}"));
        var head = new StringBuilder();
        int lineOffset, columnOffset;
        var isJson = body.TrimStart().StartsWith('{');
        if (isJson)
        {
            // The body starts on its own line: lines shift by one, columns do not
            head.Append("{\"format\":").Append(JsonSerializer.Serialize(Application.FormatV1))
                .Append(",\"checklist\":").Append(JsonSerializer.Serialize(checklist.Id))
                .Append(caseStudyKeys.Count > 0 ? ",\"caseStudies\":[" + known + "]" : "")
                .Append(",\"").Append(section).Append("\":").Append(jsonOpen).Append('\n')
                .Append(body).Append('\n').Append(jsonClose).Append('}');
            lineOffset = 1;
            columnOffset = 0;
        }
        else
        {
            // Every body line is indented under the section: lines shift by the head, columns by the indent
            head.Append("format: ").Append(Application.FormatV1).Append('\n')
                .Append(caseStudyKeys.Count > 0 ? "caseStudies: [" + known + "]\n" : "")
                .Append("checklist: ").Append(JsonSerializer.Serialize(checklist.Id)).Append('\n')
                .Append(section).Append(":\n").Append(yamlHead).Append('\n');
            foreach (var bodyLine in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                head.Append("    ").Append(bodyLine).Append('\n');
            }

            lineOffset = caseStudyKeys.Count > 0 ? 5 : 4;
            columnOffset = 4;
        }

        var (application, error) = ApplicationReader.Read(head.ToString(), RequestBody.FileName, [checklist]);
        if (error is null)
        {
            return (application, null);
        }

        var lines = body.Count(c => c == '\n') + 1;
        var line = error.Line <= 0 ? 0 : Math.Clamp(error.Line - lineOffset, 1, lines);
        var column = line == 0 ? 0 : Math.Max(1, error.Column - columnOffset);
        var field = error.Field == fieldPrefix ? "" : error.Field.StartsWith(fieldPrefix + ".", StringComparison.Ordinal) ? error.Field[(fieldPrefix.Length + 1)..] : error.Field;
        return (null, error with { Line = line, Column = column, Field = field });
    }
}
