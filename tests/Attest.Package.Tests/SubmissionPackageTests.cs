using Attest.Core.Text;
using Attest.Package.Bundle;
using Attest.Package.Tests.Support;

namespace Attest.Package.Tests;

public sealed class SubmissionPackageTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "attest-package-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_four_files_are_written_and_the_bundle_verifies()
    {
        var written = SubmissionPackage.WriteTo(folder, Samples.Input(Language.Fr));

        Assert.Equal(["self-assessment.xlsx", "report.pdf", "submission.eml", "evidence-bundle.zip"], written.Select(Path.GetFileName));
        Assert.Equal(4, Directory.GetFiles(folder).Length);
        Assert.True(BundleVerifier.Verify(Path.Combine(folder, SubmissionPackage.BundleName)).Intact);
    }

    [Fact]
    public void A_failure_half_way_leaves_no_file_behind_and_keeps_the_previous_package()
    {
        SubmissionPackage.WriteTo(folder, Samples.Input(Language.En));
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        var input = Samples.Input(Language.Fr);
        var broken = input with { Evidence = [.. input.Evidence, Samples.TextFile("late.txt", "changed") with { Size = 1 }] };

        Assert.Throws<InvalidOperationException>(() => SubmissionPackage.WriteTo(folder, broken));

        Assert.Equal(before.Keys.Order(), Directory.GetFiles(folder).Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }
}
