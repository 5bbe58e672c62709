using System.Text;
using Attest.Core.Findings;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>
/// The normal forms computed on every evaluation, rewritten to allocate less (issue 16), against their first, plain
/// writing kept here: the loose customer name (punctuation and legal forms left out) and whether a typed service names a
/// service, over names and service lists drawn at random from letters, accents, full-width and combining forms,
/// punctuation, spaces and legal-form words.
/// </summary>
public class AllocationFreeFormsTests
{
    private static readonly string[] Pieces =
    [
        "Contoso", "contoso", "Stores", "Épicerie", "BÉRÉNICE", "e\u0301", "Ａｃｍｅ", "Straße", "Œuvre", "ﬁne", "\u212Aelvin", "İstanbul",
        "Inc", "Inc.", "inc", "LTD", "GmbH", "S.A.", "SAS", "co", "Co.", "plc", "AB", "as", "Pty", "&", "-", "'", ",", ".", "..", "(", ")", "/",
        " ", "  ", "\t", "\u00A0", "\u200B", "\u2009", "3", "42", "٣", "😀", "\uD800", "ǅ", "Ⅻ", "x",
        "s3", "S3", "Amazon", "AWS", "Simple Storage Service", "simple", "storage", "service", "Glacier", "Lambda", "EC2", "ebs", "api gateway", "API-Gateway",
        "DynamoDB", "kinesis", "firehose", "route 53", "Route53", "load balancer", "ELB", "auto scaling", "vpc", "VPC:", ";", ":",
    ];

    [Fact]
    public void Loose_customer_names_are_those_of_the_plain_writing()
    {
        var random = new Random(16);
        for (var n = 0; n < 20_000; n++)
        {
            var name = Draw(random);
            var loose = Normalization.LooseCustomerName(name, out var withSuffix);
            var expected = PlainLooseCustomerName(name, out var expectedWithSuffix);
            Assert.True(expected == loose && expectedWithSuffix == withSuffix, $"'{name}': '{loose}' / '{withSuffix}', the plain writing gives '{expected}' / '{expectedWithSuffix}'");
            Assert.Equal(PlainCustomerName(name), Normalization.CustomerName(name));
        }
    }

    [Fact]
    public void Typed_services_name_what_they_named_in_the_plain_writing()
    {
        var random = new Random(17);
        var ids = AwsServices.All.Keys.ToArray();
        for (var n = 0; n < 20_000; n++)
        {
            var typed = Draw(random);
            var id = ids[random.Next(ids.Length)];
            Assert.True(PlainNames(typed, id) == AwsServices.Names(typed, id), $"'{typed}' for {id}");
        }

        Assert.True(AwsServices.Names(new string('x', 300) + " s3", "amazon-s3"));
        Assert.False(AwsServices.Names("s3", "no-such-service"));
    }

    private static string Draw(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(2) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    // The first writing of Normalization.CustomerName
    private static string PlainCustomerName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(Fold(c));
            }
        }

        return builder.ToString();
    }

    // The first writing of Normalization.LooseCustomerName
    private static string PlainLooseCustomerName(string name, out string withSuffix)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c != '.')
            {
                folded.Append(Fold(c));
            }
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded.ToString(start, i - start));
                start = -1;
            }
        }

        withSuffix = string.Concat(words);
        var kept = words.Count;
        while (kept > 1 && LegalSuffixes.Contains(words[kept - 1]))
        {
            kept--;
        }

        return string.Concat(words.Take(kept));
    }

    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc",
        "gmbh", "ag", "kg", "mbh", "sa", "sas", "sasu", "sarl", "eurl", "sca", "snc", "spa", "srl", "bv", "nv",
        "ab", "as", "asa", "oy", "oyj", "pty", "pte", "kk", "sl", "slu", "se", "cv",
    };

    // One character folded as CustomerName folds it (a white space, which CustomerName drops, is not a word character either way)
    private static string Fold(char c) => char.IsWhiteSpace(c) ? " " : Normalization.CustomerName(c.ToString());

    // The first writing of AwsServices.Names
    private static bool PlainNames(string typed, string serviceId)
    {
        if (!AwsServices.All.TryGetValue(serviceId, out var service))
        {
            return false;
        }

        var text = typed.ToLowerInvariant();
        if (service.Phrases.Any(p => text.Contains(p, StringComparison.Ordinal)))
        {
            return true;
        }

        var words = text.Split([' ', '(', ')', ',', '/', '-', '.', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        return service.Words.Any(w => words.Contains(w, StringComparer.Ordinal));
    }
}
