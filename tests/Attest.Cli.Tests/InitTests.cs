using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryTests
{
    /// <summary>Tests that change the process's current directory run alone.</summary>
    public const string Name = "current directory";
}

public sealed class InitTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Init_to_stdout_writes_the_starter_and_no_file()
    {
        var result = CliRun.Run("init", "-o", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        Assert.Contains("format: attest/application/v1", result.Out, StringComparison.Ordinal);
        Assert.Contains("checklist: " + Repo.RetailChecklist, result.Out, StringComparison.Ordinal);
        Assert.StartsWith("#", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_starter_self_assesses_every_item_of_the_checklist()
    {
        var starter = CliRun.Run("init", "-o", "-").Out;

        foreach (var id in Repo.RetailItemIds)
        {
            Assert.Contains($"  {id}: ", starter, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Init_starter_has_the_contact_and_shows_the_submission_fields_which_read_once_uncommented()
    {
        var starter = CliRun.Run("init", "-o", "-").Out;

        Assert.Contains("  contact: { name: Your Name, email: you@example.com }", starter, StringComparison.Ordinal);
        var filled = starter
            .Replace("    # submitted: true", "    submitted: true", StringComparison.Ordinal)
            .Replace("  VAL-2.2: { met: null, note: \"\" }", "  VAL-2.2: { met: null, note: \"\", caseStudies: { first-customer: { answer: met, note: \"\", evidence: [] } } }", StringComparison.Ordinal)
            .Replace("  # id: ", "  id: ", StringComparison.Ordinal);
        Assert.Contains("submitted: true", filled, StringComparison.Ordinal);
        Assert.Contains("first-customer: { answer: met", filled, StringComparison.Ordinal);
        var file = temp.Write("application.yaml", filled);

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Init_starter_is_checkable_and_not_ready()
    {
        var file = temp.Write("application.yaml", CliRun.Run("init", "-o", "-").Out);

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Init_french_starter_is_in_french()
    {
        var english = CliRun.Run("init", "-o", "-", "--lang", "en").Out;
        var french = CliRun.Run("init", "-o", "-", "--lang", "fr").Out;

        Assert.Contains("Fichier de candidature Attest", french, StringComparison.Ordinal);
        Assert.Contains("Votre société", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Company", french, StringComparison.Ordinal);
        Assert.NotEqual(english, french);
    }

    [Fact]
    public void Init_french_starter_is_checkable_and_not_ready()
    {
        var file = temp.Write("candidature.yaml", CliRun.Run("init", "-o", "-", "--lang", "fr").Out);

        var result = CliRun.Run("check", file, "--lang", "fr");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PAS PRÊT", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_language_follows_LANG_when_no_lang_option()
    {
        var env = new Dictionary<string, string> { ["LANG"] = "fr_CA.UTF-8" };

        var starter = CliRun.Run(["init", "-o", "-"], env).Out;

        Assert.Contains("Fichier de candidature Attest", starter, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_to_a_new_file_writes_it_and_says_so()
    {
        var path = temp.Combine("app.yaml");

        var result = CliRun.Run("init", "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(path, result.Out, StringComparison.Ordinal);
        Assert.Equal(CliRun.Run("init", "-o", "-").Out, File.ReadAllText(path));
        Assert.Equal(1, CliRun.Run("check", path).ExitCode);
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_file_and_exits_2()
    {
        var path = temp.Write("app.yaml", "my work\n");

        var result = CliRun.Run("init", "-o", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("my work\n", File.ReadAllText(path));
        Assert.Equal("", result.Out);
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
        Assert.Contains("--force", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_with_force_overwrites_an_existing_file()
    {
        var path = temp.Write("app.yaml", "my work\n");

        var result = CliRun.Run("init", "-o", path, "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("format: attest/application/v1", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_with_unknown_checklist_exits_2_naming_it()
    {
        var result = CliRun.Run("init", "-o", "-", "--checklist", "aws-retail-consulting-2031-01");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("aws-retail-consulting-2031-01", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_into_a_missing_folder_exits_2_with_a_plain_message_not_an_internal_error()
    {
        var path = temp.Combine(Path.Combine("no-such-folder", "app.yaml"));

        var result = CliRun.Run("init", "-o", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.ErrLines);
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err, StringComparison.Ordinal);
    }
}

/// <summary>The default output path, application.yaml, is relative to the current directory.</summary>
[Collection(CurrentDirectoryTests.Name)]
public sealed class InitDefaultPathTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string previous = Directory.GetCurrentDirectory();

    public InitDefaultPathTests() => Directory.SetCurrentDirectory(temp.Path);

    public void Dispose()
    {
        Directory.SetCurrentDirectory(previous);
        temp.Dispose();
    }

    [Fact]
    public void Init_without_output_writes_application_yaml_in_the_current_directory()
    {
        var result = CliRun.Run("init");

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Path.Combine(temp.Path, "application.yaml");
        Assert.True(File.Exists(written));
        Assert.Equal(1, CliRun.Run("check", written).ExitCode);
    }

    [Fact]
    public void Init_on_default_path_refuses_to_overwrite_and_exits_2()
    {
        var existing = temp.Write("application.yaml", "format: attest/application/v1\n# my notes\n");

        var result = CliRun.Run("init");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("format: attest/application/v1\n# my notes\n", File.ReadAllText(existing));
        Assert.Contains("application.yaml", result.Err, StringComparison.Ordinal);
        Assert.Single(result.ErrLines);
    }

    [Fact]
    public void Init_on_default_path_with_force_overwrites()
    {
        var existing = temp.Write("application.yaml", "# my notes\n");

        var result = CliRun.Run("init", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("checklist: " + Repo.RetailChecklist, File.ReadAllText(existing), StringComparison.Ordinal);
    }
}
