using Attest.Core.Applications;
using Attest.Core.Text;

namespace Attest.Core.Tests.Typography;

/// <summary>French texts keep their punctuation with the word before it, and a refused file says why in French too.</summary>
public sealed class FrenchTypographyTests
{
    private const char Nbsp = FrenchTypography.NoBreakSpace;

    [Theory]
    [InlineData("État : prêt ; vraiment ? oui !", "État\u00A0: prêt\u00A0; vraiment\u00A0? oui\u00A0!")]
    [InlineData("indique « non respecté »", "indique «\u00A0non respecté\u00A0»")]
    [InlineData("https://example.test/a:b et 12:30", "https://example.test/a:b et 12:30")]
    [InlineData("déjà\u00A0: rien à faire", "déjà\u00A0: rien à faire")]
    [InlineData("", "")]
    public void Spaces_before_high_punctuation_do_not_break(string text, string expected) =>
        Assert.Equal(expected, FrenchTypography.Apply(text));

    [Fact]
    public void Every_french_text_goes_through_it_and_english_is_left_alone()
    {
        var text = new LocalizedString("State: ready?", "État : prêt ?");
        Assert.Equal("State: ready?", text.In(Language.En));
        Assert.Equal($"État{Nbsp}: prêt{Nbsp}?", text.In(Language.Fr));
        Assert.Equal(text, new LocalizedString("State: ready?", $"État{Nbsp}: prêt{Nbsp}?"));

        // A phrase's template is spaced, the values put into it are not touched
        var message = new Phrase("{0}: {1}", "{0} : {1}").With("a ; b", "c");
        Assert.Equal($"a ; b{Nbsp}: c", message.In(Language.Fr));
        Assert.Equal(":", FrenchTypography.Colon(Language.En));
        Assert.Equal($"{Nbsp}:", FrenchTypography.Colon(Language.Fr));
    }

    [Theory]
    [InlineData("    completed: 2026-01-15", "    completed: 2026-13-45", "impossible date '2026-13-45'", "une date réelle au format AAAA-MM-JJ, du 1900-01-01 au 2999-12-31, est attendue, pas «\u00A02026-13-45\u00A0»")]
    [InlineData("    stage: production", "    stage: finished", "unknown value 'finished' (expected one of: ", "valeur inconnue «\u00A0finished\u00A0» (valeurs possibles\u00A0: ")]
    [InlineData("format: attest/application/v1", "format: attest/application/v1\nsurprise: 1", "unknown key 'surprise' (expected one of: ", "clé inconnue «\u00A0surprise\u00A0» (clés possibles\u00A0: ")]
    [InlineData("format: attest/application/v1", "format: attest/application/v9", "unknown format version 'attest/application/v9'", "version de format inconnue «\u00A0attest/application/v9\u00A0»")]
    public void A_refused_file_says_why_in_english_and_in_french(string find, string replace, string english, string french)
    {
        var text = File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "examples", "ready.yaml"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var (application, error) = ApplicationReader.Read(text.Replace(find, replace, StringComparison.Ordinal), "app.yaml", [TestData.Retail]);
        Assert.Null(application);
        Assert.StartsWith(english, error!.Problem, StringComparison.Ordinal);
        Assert.StartsWith(english, error.ProblemIn(Language.En), StringComparison.Ordinal);
        Assert.StartsWith(french, error.ProblemIn(Language.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_without_a_french_wording_has_none()
    {
        var (_, error) = ApplicationReader.Read("format: [attest/application/v1\nchecklist: x\n", "app.yaml", [TestData.Retail]);
        Assert.NotNull(error);
        Assert.Null(error.ProblemIn(Language.Fr));
        Assert.Equal(error.Problem, error.ProblemIn(Language.En));
    }
}
