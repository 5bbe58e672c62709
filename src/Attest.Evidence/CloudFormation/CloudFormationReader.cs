using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>Reads CloudFormation templates (JSON or YAML, SAM included) into the framework-neutral model.</summary>
public static partial class CloudFormationReader
{
    /// <summary>Reads <paramref name="text"/>; never throws: an unreadable file is a document with no resources and one problem.</summary>
    public static IacDocument Read(string text, string file) => CloudFormationTemplate.Parse(text, file).ToDocument();

    /// <summary>
    /// True when <paramref name="text"/> looks like a template, judged cheaply from its content: a top-level
    /// <c>AWSTemplateFormatVersion</c>, or a top-level <c>Resources</c> whose entries have a <c>Type</c> such as <c>AWS::…</c>
    /// or <c>Custom::…</c>. A broken template still looks like one, so that its problems get reported rather than skipped.
    /// </summary>
    public static bool LooksLikeTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c == '{')
            {
                return LooksLikeJsonTemplate(text);
            }

            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                break;
            }
        }

        return YamlVersion().IsMatch(text) || (YamlResources().IsMatch(text) && YamlResourceType().IsMatch(text));
    }

    private static bool LooksLikeJsonTemplate(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "AWSTemplateFormatVersion")
                {
                    return true;
                }

                if (name == "Resources" && reader.TokenType == JsonTokenType.StartObject)
                {
                    return JsonResourceType().IsMatch(text);
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            // A template with a syntax error is still a template: judge by its words
            return JsonVersion().IsMatch(text) || (JsonResources().IsMatch(text) && JsonResourceType().IsMatch(text));
        }
    }

    [GeneratedRegex(@"^['""]?AWSTemplateFormatVersion['""]?[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex YamlVersion();

    [GeneratedRegex(@"^['""]?Resources['""]?[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex YamlResources();

    [GeneratedRegex(@"^[ \t]+['""]?Type['""]?[ \t]*:[ \t]*['""]?(AWS|Custom|Alexa)::[A-Za-z0-9]", RegexOptions.Multiline)]
    private static partial Regex YamlResourceType();

    [GeneratedRegex(@"""AWSTemplateFormatVersion""\s*:")]
    private static partial Regex JsonVersion();

    [GeneratedRegex(@"""Resources""\s*:\s*\{")]
    private static partial Regex JsonResources();

    [GeneratedRegex(@"""Type""\s*:\s*""(AWS|Custom|Alexa)::[A-Za-z0-9]")]
    private static partial Regex JsonResourceType();
}
