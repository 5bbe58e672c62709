using Attest.Web.Infrastructure;

namespace Attest.Web.Tests;

/// <summary>The indentation between tags goes; what a browser shows does not change.</summary>
public sealed class CompactTagHelperTests
{
    [Fact]
    public void Indentation_and_blank_lines_go_and_the_words_and_single_breaks_stay()
    {
        var html = "<tr>\n    <td class=\"cell\">\n        <span>a b</span>  <span>c</span>\n\n\n    </td>\r\n\t</tr>\n";
        Assert.Equal("<tr>\n<td class=\"cell\">\n<span>a b</span>  <span>c</span>\n</td>\r\n</tr>\n", CompactTagHelper.Compact(html));
    }

    [Fact]
    public void Text_without_breaks_is_unchanged()
    {
        Assert.Equal("  <p>  x  </p>  ", CompactTagHelper.Compact("  <p>  x  </p>  "));
        Assert.Equal("", CompactTagHelper.Compact(""));
    }
}
