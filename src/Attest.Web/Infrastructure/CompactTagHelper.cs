using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Attest.Web.Infrastructure;

/// <summary>
/// <c>&lt;compact&gt;…&lt;/compact&gt;</c>: its content without the indentation and blank lines that the views' nesting
/// puts between tags (a quarter of the dashboard's readiness matrix). A line break followed by spaces renders as the
/// line break alone everywhere but in <c>pre</c> and <c>textarea</c>, which must not be put inside. Inside a
/// <c>&lt;cache&gt;</c>, the compacted content is what is kept, so it is done once per cached fragment.
/// </summary>
[HtmlTargetElement("compact")]
public sealed class CompactTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(Compact(content.GetContent()));
    }

    /// <summary>Drops the spaces and tabs that follow a line break, and the line breaks that follow another.</summary>
    public static string Compact(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var result = new System.Text.StringBuilder(html.Length);
        var afterBreak = false;
        foreach (var c in html)
        {
            if (c == '\n')
            {
                if (!afterBreak)
                {
                    result.Append('\n');
                }

                afterBreak = true;
            }
            else if (afterBreak && c is ' ' or '\t' or '\r')
            {
                // indentation, or the rest of a blank line
            }
            else
            {
                afterBreak = false;
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
