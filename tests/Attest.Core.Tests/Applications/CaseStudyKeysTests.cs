using Attest.Core.Applications;

namespace Attest.Core.Tests.Applications;

/// <summary>Keys made from the customer's name: readable, ASCII, unique within the application.</summary>
public class CaseStudyKeysTests
{
    [Theory]
    [InlineData("Contoso Retail", "contoso-retail")]
    [InlineData("Société Générale", "societe-generale")]
    [InlineData("  Müller & Söhne GmbH!  ", "muller-sohne-gmbh")]
    [InlineData("Ølstad Œuvres Straße", "olstad-oeuvres-strasse")]
    [InlineData("AB.C_d--e", "ab-c-d-e")]
    [InlineData("東京ストア", CaseStudyKeys.Fallback)]
    [InlineData("", CaseStudyKeys.Fallback)]
    [InlineData(null, CaseStudyKeys.Fallback)]
    public void A_name_gives_lower_case_ascii_words_joined_by_dashes(string? customer, string expected) =>
        Assert.Equal(expected, CaseStudyKeys.Slug(customer));

    [Fact]
    public void A_long_name_is_cut_without_a_trailing_dash()
    {
        var key = CaseStudyKeys.Slug(string.Join(' ', Enumerable.Repeat("word", 30)));

        Assert.True(key.Length <= CaseStudyKeys.MaxLength, key);
        Assert.False(key.EndsWith('-'));
        Assert.StartsWith("word-word-", key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_key_gets_the_next_free_number()
    {
        Assert.Equal("contoso", CaseStudyKeys.Unique("Contoso", ["fabrikam"]));
        Assert.Equal("contoso-2", CaseStudyKeys.Unique("Contoso", ["contoso"]));
        Assert.Equal("contoso-4", CaseStudyKeys.Unique("CONTOSO", ["contoso", "contoso-2", "contoso-3"]));
    }

    [Fact]
    public void The_reserved_word_new_is_never_given()
    {
        Assert.Equal("new-2", CaseStudyKeys.Unique("New", []));
    }
}
