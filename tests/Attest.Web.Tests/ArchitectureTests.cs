using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using NetArchTest.Rules;

namespace Attest.Web.Tests;

/// <summary>
/// The web's layout: rooms by user action under <c>Features</c>, each page with its own code-behind named after it, and
/// the plumbing (<c>Infrastructure</c>, <c>Data</c>) knowing nothing of the rooms built on it.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "Attest.Web.Features";
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Theory]
    [InlineData("Attest.Web.Infrastructure")]
    [InlineData("Attest.Web.Data")]
    public void The_plumbing_does_not_depend_on_the_features(string plumbing)
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace(plumbing)
            .ShouldNot().HaveDependencyOnAny(Features)
            .GetResult();

        Assert.NotEmpty(result.SelectedTypesForTesting);
        Assert.True(
            result.IsSuccessful,
            $"types in {plumbing} that use {Features}:\n" + string.Join("\n", result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}")));
    }

    [Fact]
    public void Every_page_model_is_in_the_namespace_of_its_folder_and_named_after_its_page()
    {
        var wrong = new List<string>();
        foreach (var (path, model) in PagesWithModels())
        {
            // "/Features/Review/Office.cshtml" → Attest.Web.Features.Review.OfficeModel
            var parts = path.Trim('/').Split('/');
            var expected = string.Join('.', ["Attest.Web", .. parts[..^1]]) + "." + Path.GetFileNameWithoutExtension(parts[^1]) + "Model";
            if (model.FullName != expected)
            {
                wrong.Add($"{path}: model {model.FullName}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, "pages whose model is not in their folder's namespace or not named after them:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_page_model_is_declared_alone_in_the_code_behind_named_after_its_page()
    {
        var pages = PagesWithModels();
        var models = pages.Select(p => p.Model).ToHashSet();
        Assert.Contains(models, m => m.Name == "ScoreModel");

        // A page model that no page uses would be a page's second model, moved away from it
        var unused = Web.GetTypes().Where(t => t is { IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t) && !models.Contains(t)).Select(t => t.FullName);
        Assert.Empty(unused);

        var web = Path.Combine(ApiSteps.RepositoryRoot(), "src", "Attest.Web");
        var wrong = new List<string>();
        foreach (var (path, model) in pages)
        {
            var codeBehind = Path.Combine(web, path.TrimStart('/') + ".cs");
            if (!File.Exists(codeBehind))
            {
                wrong.Add($"{path}: no code-behind {path}.cs");
                continue;
            }

            var source = File.ReadAllText(codeBehind);
            var declared = models.Where(m => source.Contains($"class {m.Name}(", StringComparison.Ordinal) || source.Contains($"class {m.Name} ", StringComparison.Ordinal)).Select(m => m.Name).Distinct().ToList();
            if (declared is not [var only] || only != model.Name)
            {
                wrong.Add($"{path}.cs declares [{string.Join(", ", declared)}], expected only {model.Name}");
            }
        }

        Assert.True(wrong.Count == 0, "code-behinds that are not one page model named after their page:\n" + string.Join("\n", wrong));
    }

    // The compiled Razor pages (path under the project, e.g. "/Features/Audit/Score.cshtml") and their page models
    private static List<(string Path, Type Model)> PagesWithModels()
    {
        var pages = Web.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => (Path: item.Identifier, Model: item.Type.GetProperty("Model")?.PropertyType))
            .Where(page => page.Model is not null && typeof(PageModel).IsAssignableFrom(page.Model))
            .Select(page => (page.Path, page.Model!))
            .OrderBy(page => page.Path, StringComparer.Ordinal)
            .ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} pages with a model were found in {Web.GetName().Name}");
        return pages;
    }
}
