using System.Text.Json;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Tests.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Catalogs;

/// <summary>Catalog items list the topics that are evidence for them and the services that make them apply; both are checked against their vocabularies.</summary>
public class TopicsAndServicesTests
{
    private static readonly Phrase Said = new("{0}", "{0}");

    private static string RetailText => TestData.ReadRepositoryFile("catalogs", "aws-retail-consulting-2019-12.yaml");

    private static (Catalog? Catalog, Attest.Core.Documents.InputError? Error) Read(string original, string replacement)
    {
        Assert.Contains(original, RetailText, StringComparison.Ordinal);
        return CatalogReader.Read(RetailText.Replace(original, replacement, StringComparison.Ordinal), "c.yaml");
    }

    private static EvidenceFinding Finding(string topic, string resource = "Bucket") => new()
    {
        RuleId = "test-rule",
        Topic = topic,
        Outcome = FindingOutcome.Fail,
        Severity = Severity.High,
        Resource = resource,
        ResourceType = "AWS::S3::Bucket",
        File = "template.yaml",
        Line = 3,
        Column = 5,
        Message = Said.With($"{resource} is open"),
    };

    [Fact]
    public void Retail_items_list_their_topics_and_S3_access_control_its_service()
    {
        var retail = TestData.Retail;
        Assert.Equal(["s3-public-access", "s3-public-alert"], retail.FindItem("VAL-2.10")!.Topics);
        Assert.Equal(["amazon-s3"], retail.FindItem("VAL-2.10")!.Services);
        Assert.Equal(Applicability.CaseStudiesUsingServices, retail.FindItem("VAL-2.10")!.AppliesTo);
        Assert.Equal(["VAL-2.2"], retail.ItemsFor("deployment-automation").Select(i => i.Id));
        Assert.Empty(retail.ItemsFor("no-such-topic"));
        Assert.All(retail.Items.SelectMany(i => i.Topics), t => Assert.True(Topics.IsKnown(t), t));
    }

    [Fact]
    public void Every_topic_of_the_vocabulary_feeds_a_retail_item()
    {
        Assert.All(Topics.All.Keys, t => Assert.NotEmpty(TestData.Retail.ItemsFor(t)));
        Assert.All(Topics.All.Values, d => Assert.NotEqual(d.En, d.Fr));
    }

    [Fact]
    public void A_part_comes_from_the_section_not_from_the_id()
    {
        Assert.All(TestData.Retail.Sections, s => Assert.All(s.Items, i => Assert.Equal(s.Part, i.Part)));

        // Renumbered items keep the part of their section
        var (catalog, error) = Read("      - id: PRE-1.1\n", "      - id: X-1.1\n");
        Assert.Null(error);
        Assert.Equal(ChecklistPart.Prerequisites, catalog!.FindItem("X-1.1")!.Part);
    }

    [Fact]
    public void A_finding_reaches_the_items_listing_its_topic_whatever_their_numbering()
    {
        var findings = new CaseStudyFindings(new Dictionary<string, IReadOnlyList<EvidenceFinding>> { ["contoso"] = [Finding("s3-public-access"), Finding("root-usage")] });
        var retail = TestData.Retail;
        Assert.Equal(["s3-public-access"], findings.For("contoso", retail.FindItem("VAL-2.10")!).Select(f => f.Topic));
        Assert.Equal(["root-usage"], findings.For("contoso", retail.FindItem("VAL-2.8")!).Select(f => f.Topic));
        Assert.Empty(findings.For("contoso", retail.FindItem("VAL-2.11")!));
        Assert.Empty(findings.For("contoso", retail.FindItem("PRE-1.1")!));
        Assert.Empty(findings.For("fabrikam", retail.FindItem("VAL-2.10")!));

        // Another checklist numbering the same requirement differently gets the same findings
        var (other, error) = Read("      - id: VAL-2.10\n", "      - id: SEC-7\n");
        Assert.Null(error);
        Assert.Equal(["s3-public-access"], findings.For("contoso", other!.FindItem("SEC-7")!).Select(f => f.Topic));
    }

    [Theory]
    [InlineData("        topics: [root-usage]\n", "        topics: [root-usage, rooot-usage]\n", "unknown topic 'rooot-usage'")]
    [InlineData("        topics: [root-usage]\n", "        topics: [root-usage, root-usage]\n", "listed twice")]
    [InlineData("        services: [amazon-s3]\n", "        services: [amazon-s4]\n", "unknown AWS service 'amazon-s4'")]
    [InlineData("        services: [amazon-s3]\n", "        services: []\n", "needs the services")]
    public void A_bad_topic_or_service_is_a_catalog_error_at_its_place(string original, string broken, string problem)
    {
        var (catalog, error) = Read(original, broken);
        Assert.Null(catalog);
        Assert.Equal("c.yaml", error!.File);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        var line = RetailText[..RetailText.IndexOf(original, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.InRange(error.Line, line - 1, line);
        Assert.True(error.Column > 1);
        Assert.Matches(@"^sections\[\d+\]\.items\[\d+\]\.(topics\[\d\]|services(\[\d\])?)$", error.Field);
    }

    [Fact]
    public void The_first_catalogs_name_for_S3_items_still_reads_as_case_studies_using_Amazon_S3()
    {
        var (catalog, error) = Read("        appliesTo: case-studies-using-services\n        services: [amazon-s3]\n", "        appliesTo: case-studies-with-s3\n");
        Assert.Null(error);
        Assert.Equal(Applicability.CaseStudiesUsingServices, catalog!.FindItem("VAL-2.10")!.AppliesTo);
        Assert.Equal(["amazon-s3"], catalog.FindItem("VAL-2.10")!.Services);
    }

    [Fact]
    public void The_schema_lists_the_vocabularies_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(TestData.ReadRepositoryFile("src", "Attest.Core", "Catalogs", "catalog-v1.schema.json"));
        var item = schema.RootElement.GetProperty("$defs").GetProperty("item").GetProperty("properties");
        Assert.Equal(Topics.All.Keys, item.GetProperty("topics").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(AwsServices.All.Keys, item.GetProperty("services").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("case-studies-using-services", item.GetProperty("appliesTo").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("AWS::S3::Bucket", "amazon-s3")]
    [InlineData("aws_s3_bucket_policy", "amazon-s3")]
    [InlineData("AWS::EC2::SecurityGroup", "amazon-vpc")]
    [InlineData("AWS::EC2::Instance", "amazon-ec2")]
    [InlineData("aws_cloudwatch_event_rule", "amazon-eventbridge")]
    [InlineData("aws_cloudwatch_metric_alarm", "amazon-cloudwatch")]
    [InlineData("AWS::Serverless::Function", "aws-lambda")]
    [InlineData("Custom::Thing", null)]
    public void A_resource_type_belongs_to_its_service(string type, string? service) => Assert.Equal(service, AwsServices.OfResourceType(type));
}

/// <summary>An item that applies to case studies using a service applies when the typed list names it or the attached code defines its resources.</summary>
public class ServiceApplicabilityTests
{
    private static CaseStudyFindings Inventory(string caseStudy, params (string File, string Type)[] resources) => new(
        new Dictionary<string, IReadOnlyList<EvidenceFinding>>(),
        new Dictionary<string, EvidenceInventory> { [caseStudy] = EvidenceInventory.Of(resources) });

    private static ItemVerdict S3Item(Attest.Core.Applications.Application application, CaseStudyFindings findings) =>
        ReadinessEngine.EvaluateItems(application, TestData.Retail, TestData.AsOf, findings).Single(i => i.Item.Id == "VAL-2.10");

    [Fact]
    public void Typed_list_only_says_its_services_include_S3()
    {
        var verdict = S3Item(TestData.Ready(), CaseStudyFindings.None);
        Assert.NotEqual(ReadinessStatus.NotApplicable, verdict.Case("contoso").Status);
        Assert.StartsWith("Its AWS services include Amazon S3.", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        Assert.StartsWith("Ses services AWS incluent Amazon S3.", verdict.Case("contoso").Reason.Fr(), StringComparison.Ordinal);
    }

    [Fact]
    public void Attached_code_alone_makes_it_apply_and_says_how_many_buckets_where()
    {
        var application = TestData.Ready().WithCase("contoso", c => c with { AwsServices = ["AWS Lambda"] });
        Assert.Equal(ReadinessStatus.NotApplicable, S3Item(application, CaseStudyFindings.None).Case("contoso").Status);

        var findings = Inventory("contoso", ("template.yaml", "AWS::S3::Bucket"), ("template.yaml", "AWS::S3::Bucket"), ("template.yaml", "AWS::S3::BucketPolicy"), ("template.yaml", "AWS::Lambda::Function"));
        var verdict = S3Item(application, findings);
        Assert.NotEqual(ReadinessStatus.NotApplicable, verdict.Case("contoso").Status);
        Assert.StartsWith("Its attached code defines 2 S3 buckets (template.yaml).", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        Assert.StartsWith("Son code joint définit 2 compartiments S3 (template.yaml).", verdict.Case("contoso").Reason.Fr(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_the_code_is_named_first()
    {
        var verdict = S3Item(TestData.Ready(), Inventory("contoso", ("infra/main.tf", "aws_s3_bucket")));
        Assert.StartsWith("Its attached code defines 1 S3 bucket (infra/main.tf).", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_leaves_it_not_applicable_saying_so()
    {
        var application = TestData.Ready().WithCase("contoso", c => c with { AwsServices = ["AWS Lambda"] });
        var verdict = S3Item(application, Inventory("contoso", ("template.yaml", "AWS::Lambda::Function"), ("template.yaml", "data.aws_s3_bucket")));
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("contoso").Status);
        Assert.Equal("Neither its AWS services nor its attached code include Amazon S3.", verdict.Case("contoso").Reason.En());
        Assert.Equal("Ni ses services AWS ni son code joint n'incluent Amazon S3.", verdict.Case("contoso").Reason.Fr());
    }

    [Fact]
    public void Another_services_resources_are_counted_by_service_name()
    {
        var item = TestData.Retail.FindItem("VAL-2.10")! with { Services = ["amazon-dynamodb"] };
        var why = CaseStudyScope.UsesServices(item, TestData.CaseStudy("x"), EvidenceInventory.Of([("t.yaml", "AWS::DynamoDB::Table")]));
        Assert.Equal("Its attached code defines 1 resource(s) of Amazon DynamoDB (t.yaml).", why!.En());
    }
}
