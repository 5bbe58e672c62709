using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class FunctionTests
{
    [Theory]
    [InlineData("merge({ a = 1, b = 1 }, null, { b = 2 })", "{a=1, b=2}")]
    [InlineData("concat([1], [], [2, 3])", "[1, 2, 3]")]
    [InlineData("lookup({ a = 1 }, \"a\", 0)", "1")]
    [InlineData("lookup({ a = 1 }, \"b\", 0)", "0")]
    [InlineData("coalesce(null, \"\", \"x\", \"y\")", "\"x\"")]
    [InlineData("coalescelist([], [1], [2])", "[1]")]
    [InlineData("compact([\"a\", \"\", null, \"b\"])", "[\"a\", \"b\"]")]
    [InlineData("distinct([1, 2, 1, 3, 2])", "[1, 2, 3]")]
    [InlineData("flatten([[1, [2]], [], 3])", "[1, 2, 3]")]
    [InlineData("keys({ b = 1, a = 2 })", "[\"a\", \"b\"]")]
    [InlineData("values({ b = 1, a = 2 })", "[2, 1]")]
    [InlineData("length(\"héllo\")", "5")]
    [InlineData("length([1, 2])", "2")]
    [InlineData("length({ a = 1 })", "1")]
    [InlineData("element([\"a\", \"b\"], 3)", "\"b\"")]
    [InlineData("contains([\"a\", \"b\"], \"b\")", "true")]
    [InlineData("contains([\"a\", \"b\"], \"c\")", "false")]
    [InlineData("tolist(toset([\"b\", \"a\", \"b\"]))", "[\"a\", \"b\"]")]
    [InlineData("tomap({ a = 1 })", "{a=1}")]
    [InlineData("tostring(12)", "\"12\"")]
    [InlineData("tonumber(\"12.5\")", "12.5")]
    [InlineData("tobool(\"true\")", "true")]
    [InlineData("format(\"%s-%03d-%.2f-%t-%v-%q-%%\", \"a\", 7, 3.14159, true, [1], \"q\")", "\"a-007-3.14-true-[1]-\"q\"-%\"")]
    [InlineData("join(\",\", [\"a\", \"b\"], [\"c\"])", "\"a,b,c\"")]
    [InlineData("split(\",\", \"a,b,,c\")", "[\"a\", \"b\", \"\", \"c\"]")]
    [InlineData("replace(\"a-b-c\", \"-\", \"_\")", "\"a_b_c\"")]
    [InlineData("replace(\"hello world\", \"/o(\\\\w)?/\", \"0$1\")", "\"hell0 w0rld\"")]
    [InlineData("lower(\"AbC\")", "\"abc\"")]
    [InlineData("upper(\"AbC\")", "\"ABC\"")]
    [InlineData("trimspace(\"  a b \\n\")", "\"a b\"")]
    [InlineData("jsondecode(\"{\\\"a\\\":[1,true,null]}\")", "{a=[1, true, null]}")]
    [InlineData("zipmap([\"a\", \"b\"], [1, 2])", "{a=1, b=2}")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max([3, 1, 2]...)", "3")]
    [InlineData("abs(-4)", "4")]
    [InlineData("substr(\"hello\", 1, 3)", "\"ell\"")]
    [InlineData("range(3)", "[0, 1, 2]")]
    [InlineData("slice([1, 2, 3, 4], 1, 3)", "[2, 3]")]
    [InlineData("sort([\"b\", \"a\"])", "[\"a\", \"b\"]")]
    [InlineData("one([])", "null")]
    [InlineData("alltrue([true, \"true\"])", "true")]
    [InlineData("startswith(\"arn:aws:s3\", \"arn:\")", "true")]
    [InlineData("trimprefix(\"arn:aws\", \"arn:\")", "\"aws\"")]
    [InlineData("basename(\"a/b/c.txt\")", "\"c.txt\"")]
    [InlineData("base64decode(base64encode(\"hé\"))", "\"hé\"")]
    [InlineData("regexall(\"[0-9]+\", \"a1b22\")", "[\"1\", \"22\"]")]
    [InlineData("setunion([\"a\"], [\"b\", \"a\"])", "[\"a\", \"b\"]")]
    [InlineData("title(\"hello world\")", "\"Hello World\"")]
    [InlineData("formatlist(\"%s=%s\", [\"a\", \"b\"], \"x\")", "[\"a=x\", \"b=x\"]")]
    public void Functions_evaluate(string expression, string expected)
    {
        Assert.Equal(expected, Tf.Text(expression));
    }

    [Theory]
    [InlineData("cidrsubnet(\"10.0.0.0/16\", 8, 2)", "\"10.0.2.0/24\"")]
    [InlineData("cidrsubnet(\"10.1.2.0/24\", 4, 15)", "\"10.1.2.240/28\"")]
    [InlineData("cidrsubnet(\"172.16.0.0/12\", 4, 2)", "\"172.18.0.0/16\"")]
    [InlineData("cidrsubnet(\"10.0.0.0/8\", 8, 255)", "\"10.255.0.0/16\"")]
    [InlineData("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)", "\"fd00:fd12:3456:7800:a200::/72\"")]
    [InlineData("cidrsubnet(\"2001:db8::/56\", 8, 1)", "\"2001:db8:0:1::/64\"")]
    [InlineData("cidrsubnet(\"10.0.1.7/16\", 8, 3)", "\"10.0.3.0/24\"")]
    [InlineData("cidrhost(\"10.12.112.0/20\", 16)", "\"10.12.112.16\"")]
    [InlineData("cidrhost(\"10.12.112.0/20\", -2)", "\"10.12.127.254\"")]
    [InlineData("cidrnetmask(\"172.16.0.0/12\")", "\"255.240.0.0\"")]
    [InlineData("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)", "[\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]")]
    public void Cidr_functions_are_exact(string expression, string expected)
    {
        Assert.Equal(expected, Tf.Text(expression));
    }

    [Theory]
    [InlineData("cidrsubnet(\"10.0.0.0/30\", 4, 0)")]
    [InlineData("cidrsubnet(\"10.0.0.0/16\", 2, 4)")]
    [InlineData("cidrsubnet(\"not a cidr\", 2, 1)")]
    public void Cidr_errors_are_reported_as_unknown(string expression)
    {
        Assert.StartsWith("cannot be evaluated", Assert.IsType<UnknownValue>(Tf.Single(expression)).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonencode_writes_the_policy_text_with_sorted_keys()
    {
        const string expression = """
            jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Action    = ["s3:GetObject"]
                  Principal = "*"
                  Resource  = "arn:aws:s3:::logs/*"
                }]
              })
            """;
        var text = Assert.IsType<string>(Tf.Single(expression));
        Assert.Equal("""{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::logs/*"}],"Version":"2012-10-17"}""", text);
    }

    [Fact]
    public void Jsonencode_shows_values_known_after_apply_as_placeholders()
    {
        const string config = "resource \"aws_s3_bucket\" \"logs\" {}";
        var value = Assert.Single(Tf.Eval("jsonencode({ Resource = [aws_s3_bucket.logs.arn, \"${aws_s3_bucket.logs.arn}/*\"], Principal = { AWS = \"*\" } })", config).Values);
        var text = Assert.IsType<string>(value.Value);

        using var json = JsonDocument.Parse(text);
        Assert.Equal("${aws_s3_bucket.logs.arn}/*", json.RootElement.GetProperty("Resource")[1].GetString());
        Assert.Equal("*", json.RootElement.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Contains("known after apply", value.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonencode_of_a_value_nobody_knows_is_unknown()
    {
        var value = Tf.Single("jsonencode({ Action = var.actions })", "variable \"actions\" {}");
        Assert.Equal("variable actions has no value", Assert.IsType<UnknownValue>(value).Why);
    }

    [Fact]
    public void Jsonencode_of_branches_gives_one_text_per_branch()
    {
        var values = Tf.Eval("jsonencode({ Principal = var.public ? \"*\" : \"arn:aws:iam::1:root\" })", "variable \"public\" {}").Values;
        Assert.Equal(["{\"Principal\":\"*\"}", "{\"Principal\":\"arn:aws:iam::1:root\"}"], values.Select(v => v.Value));
    }

    [Fact]
    public void Other_functions_are_unknown_with_their_name()
    {
        Assert.Equal("function file is not evaluated", Assert.IsType<UnknownValue>(Tf.Single("file(\"policy.json\")")).Why);
        Assert.Equal("function timestamp is not evaluated", Assert.IsType<UnknownValue>(Tf.Single("timestamp()")).Why);
    }

    [Fact]
    public void Wrong_argument_counts_and_types_are_errors_not_exceptions()
    {
        Assert.IsType<UnknownValue>(Tf.Single("length()"));
        Assert.IsType<UnknownValue>(Tf.Single("merge(1, 2)"));
        Assert.IsType<UnknownValue>(Tf.Single("element([], 0)"));
        Assert.IsType<UnknownValue>(Tf.Single("range(1, 100000)"));
        Assert.IsType<UnknownValue>(Tf.Single("format(\"%d\")"));
        Assert.IsType<UnknownValue>(Tf.Single("jsondecode(\"{\")"));
        Assert.IsType<UnknownValue>(Tf.Single("regex(\"(\", \"x\")"));
    }

    [Fact]
    public void Functions_apply_to_each_alternative()
    {
        var values = Tf.Eval("upper(var.flag ? \"a\" : \"b\")", "variable \"flag\" {}").Values;
        Assert.Equal(["A", "B"], values.Select(v => v.Value));
        Assert.All(values, v => Assert.Equal(ValueSource.Branch, v.Source));
    }

    [Fact]
    public void Functions_pass_unknowns_on_with_their_reason()
    {
        var value = Tf.Single("lower(aws_s3_bucket.b.id)", "resource \"aws_s3_bucket\" \"b\" {}");
        Assert.Equal("known after apply: aws_s3_bucket.b.id", Assert.IsType<UnknownValue>(value).Why);
    }
}
