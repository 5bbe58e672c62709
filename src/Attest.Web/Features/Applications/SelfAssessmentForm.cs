using System.Security.Cryptography;
using System.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Applications;

/// <summary>
/// One item of the self-assessment as the form posts it. <see cref="Original"/> fingerprints the values the user was
/// shown, so that an item they did not touch is never saved — nor reported as a conflict — when someone else changed it.
/// </summary>
public sealed class SelfAssessmentItemForm
{
    public const int MaxNote = 4000;
    public const int MaxReferences = 50;
    public const int MaxReference = 2000;

    public string ItemId { get; set; } = "";

    /// <summary>The stored entry's revision when the form was shown; 0 when there was none.</summary>
    public long Revision { get; set; }

    /// <summary>The fingerprint of the values shown.</summary>
    public string? Original { get; set; }

    /// <summary><c>yes</c>, <c>no</c>, or empty for not answered.</summary>
    public string? Met { get; set; }

    public string? Note { get; set; }

    /// <summary>Evidence references, one per line.</summary>
    public string? References { get; set; }

    /// <summary>The pieces of the library attached to the item.</summary>
    public List<Guid> Evidence { get; set; } = [];

    /// <summary>For an item judged on case studies: the answer per case study, by key.</summary>
    public List<CaseStudyAnswerForm> CaseStudies { get; set; } = [];

    /// <summary>The per-case-study answers that say something, by key.</summary>
    public IEnumerable<CaseStudyAnswerForm> StatedAnswers => CaseStudies.Where(a => !a.IsEmpty).GroupBy(a => a.Key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(a => a.Key, StringComparer.Ordinal);

    /// <summary>Whether the item says nothing at all: then no entry is kept for it.</summary>
    public bool IsEmpty => FormInput.Tri(Met) is null && FormInput.Text(Note) is null && FormInput.Lines(References).Count == 0 && Evidence.Count == 0 && !StatedAnswers.Any();

    /// <summary>The answer given for case study <paramref name="key"/>, or an empty one.</summary>
    public CaseStudyAnswerForm AnswerFor(string key) => CaseStudies.FirstOrDefault(a => a.Key == key) ?? new CaseStudyAnswerForm { Key = key };

    public static SelfAssessmentItemForm From(string itemId, SelfAssessmentRecord? stored, IEnumerable<Guid> attached)
    {
        var form = new SelfAssessmentItemForm
        {
            ItemId = itemId,
            Revision = stored?.Revision ?? 0,
            Met = FormInput.Tri(stored?.Met),
            Note = stored?.Note,
            References = stored?.Evidence is { } references ? string.Join('\n', references) : null,
            Evidence = attached.Distinct().Order().ToList(),
            CaseStudies = stored?.CaseStudyAnswers?.Select(a => new CaseStudyAnswerForm { Key = a.Key, Answer = a.Answer, Note = a.Note }).ToList() ?? [],
        };
        form.Original = form.Fingerprint();
        return form;
    }

    /// <summary>A short hash of the item's values, normalized as they are saved.</summary>
    public string Fingerprint()
    {
        var answers = string.Join('\u001e', StatedAnswers.Select(a => string.Join('\u001d', a.Key, a.Answer ?? "", FormInput.Text(a.Note) ?? "")));
        var text = string.Join('\u001f', FormInput.Tri(Met)?.ToString() ?? "", FormInput.Text(Note) ?? "", string.Join('\n', FormInput.Lines(References)), string.Join(',', Evidence.Distinct().Order().Select(e => e.ToString("N"))), answers);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>Writes the item's values onto its stored entry.</summary>
    public void CopyTo(SelfAssessmentRecord entry)
    {
        entry.Met = FormInput.Tri(Met);
        entry.Note = FormInput.Text(Note);
        entry.Evidence = FormInput.Lines(References) is { Count: > 0 } references ? references : null;

        // The form edits the answer and the note; evidence a case-study answer cites (from a file import) is kept
        var before = entry.CaseStudyAnswers ?? [];
        var answers = StatedAnswers.Select(a => new CaseStudyAnswerRecord
        {
            Key = a.Key,
            Answer = string.IsNullOrEmpty(a.Answer) ? null : a.Answer,
            Note = FormInput.Text(a.Note),
            Evidence = before.FirstOrDefault(b => b.Key == a.Key)?.Evidence,
        }).ToList();
        answers.AddRange(before.Where(b => b.Evidence is { Count: > 0 } && answers.All(a => a.Key != b.Key)).Select(b => new CaseStudyAnswerRecord { Key = b.Key, Evidence = b.Evidence }));
        entry.CaseStudyAnswers = answers.Count > 0 ? answers : null;
    }
}

/// <summary>One case study's answer for an item, as the self-assessment form posts it.</summary>
public sealed class CaseStudyAnswerForm
{
    public string Key { get; set; } = "";

    /// <summary><c>met</c>, <c>not-met</c>, <c>not-applicable</c>, or empty for not answered.</summary>
    public string? Answer { get; set; }

    public string? Note { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Answer) && FormInput.Text(Note) is null;
}
