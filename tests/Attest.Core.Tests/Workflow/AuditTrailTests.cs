using Attest.Core.Text;
using Attest.Core.Workflow;
using Microsoft.VisualBasic.FileIO;

namespace Attest.Core.Tests.Workflow;

public class AuditTrailTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));

    private static List<AuditEntry> Chain(int count)
    {
        var changes = Enumerable.Range(1, count).Select(i => new AuditChange(
            T0.AddMinutes(i), $"user-{i % 3}", "program-office", i % 2 == 0 ? "score" : "submit", "application", "app-42",
            i == 1 ? null : $$"""{"state": "step-{{i - 1}}", "n": {{i - 1}}}""",
            $$"""{"n": {{i}}, "state": "step-{{i}}"}"""));
        return [.. AuditTrail.AppendAll(null, changes)];
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(6);

        var verdict = AuditTrail.Verify(chain, (6, chain[^1].Hash));

        Assert.True(verdict.Intact);
        Assert.Equal(6, verdict.EntriesChecked);
        Assert.Equal(AuditTrail.GenesisHash, chain[0].PreviousHash);
        Assert.All(chain.Skip(1).Zip(chain), p => Assert.Equal(p.Second.Hash, p.First.PreviousHash));
        Assert.Equal([1L, 2, 3, 4, 5, 6], chain.Select(e => e.Sequence));
    }

    [Fact]
    public void An_edited_entry_is_named()
    {
        var chain = Chain(6);
        chain[2] = chain[2] with { After = """{"n":3,"state":"approved"}""" };

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((false, 3L, ChainBreak.ContentChanged), (verdict.Intact, verdict.FirstBrokenSequence, verdict.Break));
        Assert.Equal("Entry 3 was changed after it was written: its content does not match its hash.", verdict.Reason!.In(Language.En));
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_the_link_of_the_next()
    {
        var chain = Chain(6);
        var forged = chain[2] with { ActorId = "someone-else" };
        chain[2] = forged with { Hash = AuditTrail.ComputeHash(forged) };

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((4L, ChainBreak.LinkBroken), (verdict.FirstBrokenSequence, verdict.Break));
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((3L, ChainBreak.SequenceBroken), (verdict.FirstBrokenSequence, verdict.Break));
    }

    [Fact]
    public void A_deleted_entry_with_the_rest_renumbered_and_rehashed_still_breaks_the_link()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);
        for (var i = 2; i < chain.Count; i++)
        {
            var renumbered = chain[i] with { Sequence = i + 1 };
            chain[i] = renumbered with { Hash = AuditTrail.ComputeHash(renumbered) };
        }

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((3L, ChainBreak.LinkBroken), (verdict.FirstBrokenSequence, verdict.Break));
    }

    [Fact]
    public void An_inserted_entry_is_named()
    {
        var chain = Chain(6);
        var inserted = AuditTrail.Append(chain[1], new AuditChange(T0.AddMinutes(2.5), "intruder", "administrator", "decide", "application", "app-42", null, """{"state":"validated"}"""));
        chain.Insert(2, inserted);

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((3L, ChainBreak.SequenceBroken), (verdict.FirstBrokenSequence, verdict.Break)); // the old entry 3 now sits at position 4
    }

    [Fact]
    public void A_reordered_pair_is_named()
    {
        var chain = Chain(6);
        (chain[3], chain[4]) = (chain[4], chain[3]);

        var verdict = AuditTrail.Verify(chain);

        Assert.Equal((4L, ChainBreak.SequenceBroken), (verdict.FirstBrokenSequence, verdict.Break));
    }

    [Fact]
    public void Entries_removed_at_the_end_are_caught_with_the_last_known_entry()
    {
        var chain = Chain(6);
        var last = (chain[^1].Sequence, chain[^1].Hash);
        chain.RemoveRange(4, 2);

        Assert.True(AuditTrail.Verify(chain).Intact); // the chain alone cannot tell
        var verdict = AuditTrail.Verify(chain, last);
        Assert.Equal((5L, ChainBreak.Truncated), (verdict.FirstBrokenSequence, verdict.Break));
    }

    [Fact]
    public void Before_and_after_are_stored_as_canonical_json()
    {
        var a = AuditTrail.Append(null, new AuditChange(T0, "u", "r", "a", "t", "1", null, """{ "b": [1, {"y": true, "x": null}], "a": "é\u0041" }"""));
        var b = AuditTrail.Append(null, new AuditChange(T0, "u", "r", "a", "t", "1", null, """{"a":"éA","b":[1,{"x":null,"y":true}]}"""));

        Assert.Equal("""{"a":"éA","b":[1,{"x":null,"y":true}]}""", a.After);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Throws<System.Text.Json.JsonException>(() => AuditTrail.CanonicalJson("""{"a":1,"a":2}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => AuditTrail.CanonicalJson("not json"));
    }

    [Fact]
    public void The_canonical_text_is_the_documented_array_and_the_hash_its_sha256()
    {
        var entry = AuditTrail.Append(null, new AuditChange(new DateTimeOffset(2026, 11, 26, 11, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_567), "po-1", "program-office", "decide", "application", "app-42", """{"state":"audit-in-progress"}""", """{"state":"validated"}"""));

        var text = AuditTrail.CanonicalText(entry);

        Assert.Equal("""["attest/audit-entry/v1",1,"2026-11-26T10:30:15.123456Z","po-1","program-office","decide","application","app-42","{\"state\":\"audit-in-progress\"}","{\"state\":\"validated\"}","0000000000000000000000000000000000000000000000000000000000000000"]""", text);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(sha, entry.Hash);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_that_a_stored_chain_still_verifies()
    {
        var chain = AuditTrail.AppendAll(null, [new AuditChange(T0.AddTicks(9), "u", "r", "a", "t", "1", null, null)]);

        // What PostgreSQL gives back: microseconds, in UTC
        var stored = chain.Select(e => e with { At = new DateTimeOffset(e.At.UtcTicks, TimeSpan.Zero) }).ToArray();

        Assert.Equal(0, chain[0].At.Ticks % 10);
        Assert.True(AuditTrail.Verify(stored).Intact);
    }

    [Fact]
    public void Csv_export_quotes_as_rfc_4180_and_defuses_formulas()
    {
        var chain = AuditTrail.AppendAll(null,
        [
            new AuditChange(T0, "=HYPERLINK(\"http://evil.example\",\"click\")", "program-office", "reply", "message", "m-1\r\nsecond line", null, """{"text":"Line one\nline two, with \"quotes\""}"""),
            new AuditChange(T0.AddMinutes(1), "@SUM(A1:A2)", "auditor", "+score", "cell", "-1", null, null),
        ]);

        var csv = AuditTrail.ToCsv(chain);

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(["sequence", "at", "actor", "role", "action", "entity_type", "entity_id", "before", "after", "previous_hash", "hash"], rows[0]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", rows[1][2]);
        Assert.Equal(chain[0].After, rows[1][8]); // commas and quotes inside
        Assert.Equal("m-1\r\nsecond line", rows[1][6].ReplaceLineEndings("\r\n")); // a line break inside
        Assert.Equal(["'@SUM(A1:A2)", "auditor", "'+score", "cell", "'-1"], rows[2][2..7]);
        Assert.Equal(chain[1].Hash, rows[2][10]);
        Assert.Equal("\"a,b\"", AuditTrail.CsvCell("a,b"));
        Assert.Equal("\"'=1+1,\"\"x\"\"\"", AuditTrail.CsvCell("=1+1,\"x\""));
        Assert.Equal("plain", AuditTrail.CsvCell("plain"));
    }
}

public class WorkflowAuditTrailTests
{
    [Fact]
    public void A_whole_journey_becomes_a_chain_that_verifies_and_exports()
    {
        var workflow = WorkflowData.Reach(Situation.Validated);

        var chain = AuditTrail.AppendAll(null, workflow.History.Select(step => WorkflowAuditTrail.ChangeFor(workflow.ApplicationId, step)));

        Assert.True(AuditTrail.Verify(chain).Intact);
        Assert.Equal(workflow.History.Count, chain.Count);
        var submit = chain.Single(e => e.Action == "submit");
        Assert.Equal(("alliance-lead", "lead-1", "app-42"), (submit.ActorRole, submit.ActorId, submit.EntityId));
        Assert.Equal("""{"state":"draft"}""", submit.Before);
        Assert.Equal("""{"note":"version 1","state":"submitted"}""", submit.After);
        Assert.Equal("""{"state":"validated"}""", chain[^1].After);
        Assert.Equal(chain.Count + 1, AuditTrail.ToCsv(chain).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_administrators_view_withholds_the_notes_partner_users_wrote_and_nothing_else()
    {
        var workflow = WorkflowData.Reach(Situation.Validated);
        var chain = AuditTrail.AppendAll(null, workflow.History.Select(step => WorkflowAuditTrail.ChangeFor(workflow.ApplicationId, step)));
        var submit = chain.Single(e => e.Action == "submit");

        var shown = WorkflowAuditTrail.WithoutPartnerText(submit);

        Assert.Equal("""{"note_withheld":true,"state":"submitted"}""", shown.After);
        Assert.Equal((submit.Before, submit.Hash, submit.Sequence), (shown.Before, shown.Hash, shown.Sequence));
        foreach (var other in chain.Where(e => e.ActorRole is not ("alliance-lead" or "contributor")))
        {
            Assert.Same(other, WorkflowAuditTrail.WithoutPartnerText(other));
        }

        var contributor = submit with { ActorRole = "contributor", After = """{"note":"=cmd|' /C calc'!A0","state":"draft"}""" };
        Assert.Equal("""{"note_withheld":true,"state":"draft"}""", WorkflowAuditTrail.WithoutPartnerText(contributor).After);
        var silent = submit with { After = """{"state":"submitted"}""" };
        Assert.Same(silent, WorkflowAuditTrail.WithoutPartnerText(silent));
        Assert.Equal("""{"note_withheld":true}""", WorkflowAuditTrail.WithoutPartnerText(submit with { After = "not json" }).After);
    }
}
