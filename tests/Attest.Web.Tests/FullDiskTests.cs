using System.Diagnostics;
using System.Net;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// A full disk, for real: the data folder is a small tmpfs filled to the last byte. Uploads answer 507 (problem details
/// for the API, a page for people), reads keep working, and a token's first use (a bookkeeping write) does not fail.
/// </summary>
public sealed class FullDiskTests
{
    [FullDiskFact]
    public async Task A_full_disk_answers_507_for_writes_while_reads_and_bookkeeping_keep_working()
    {
        Prerequisites.Demand(FullDiskFactAttribute.Missing);
        var folder = Directory.CreateTempSubdirectory("attest-full-").FullName;
        Mount(folder, "16m");
        try
        {
            await using var world = new World(kestrel: false, new Dictionary<string, string> { ["Attest:DataFolder"] = folder });
            await world.InitializeAsync();
            var reader = ApiSteps.Bearer(world, await ApiSteps.IssueTokenAsync(world, world.Users["leadA"], "never used yet"));
            var writer = await ApiSteps.AsAsync(world, "leadA");
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/api/v1/applications")).StatusCode);
            Fill(folder);

            // The API: problem details, 507, saying it is the server's problem
            var upload = await writer.PostAsync("/api/v1/evidence?name=runbook&issuedOn=2024-03-01", new ByteArrayContent(new byte[256 * 1024]));
            Assert.Equal(HttpStatusCode.InsufficientStorage, upload.StatusCode);
            Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
            var problem = await ApiSteps.ProblemAsync(upload);
            Assert.Equal(507, problem.GetProperty("status").GetInt32());
            Assert.Contains("server", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            // People: the error page, in their language, not a 400 blaming the upload
            var page = await EvidenceTestWorkspace.UploadAsync(world.Client("leadA"), new byte[256 * 1024], "runbook.md", "text/markdown", issuedOn: "2024-03-01");
            Assert.Equal(HttpStatusCode.InsufficientStorage, page.StatusCode);
            Assert.Contains("no room left", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var french = world.Client("leadA");
            french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
            var pageFr = await EvidenceTestWorkspace.UploadAsync(french, new byte[256 * 1024], "runbook.md", "text/markdown", issuedOn: "2024-03-01");
            Assert.Contains("plus de place", WebUtility.HtmlDecode(await pageFr.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(folder, "evidence"), "*", SearchOption.AllDirectories), f => !Path.GetFileName(f).StartsWith('.'));

            // Reads work, including with a token whose first use cannot be recorded
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/applications")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/v1/applications/{world.ApplicationA}/readiness")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await world.Client("leadA").GetAsync($"/applications/{world.ApplicationA}")).StatusCode);

            if (world.Factory.Provider == "sqlite")
            {
                // The database is on the full disk too: a change that only writes rows answers 507 as well
                var note = new string('n', 1000);
                var change = await writer.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationA}/self-assessment/PRE-1.1", ApiSteps.Json($"{{\"met\": true, \"note\": \"{note}\"}}")));
                Assert.Equal(HttpStatusCode.InsufficientStorage, change.StatusCode);
                Assert.Equal(507, (await ApiSteps.ProblemAsync(change)).GetProperty("status").GetInt32());
            }
        }
        finally
        {
            Unmount(folder);
        }
    }

    [Fact]
    public async Task Stored_files_without_a_row_are_removed_at_start_unless_they_are_recent()
    {
        await using var world = new World();
        await world.InitializeAsync();
        var store = world.Factory.Services.GetRequiredService<EvidenceStore>();
        var kept = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(world.Client("leadA"), "kept: a file with its row\n"u8.ToArray(), "kept.md", "text/markdown", issuedOn: "2024-03-01"));
        var keptSha = await world.ReadAsync(db => db.Evidence.IgnoreQueryFilters().Where(e => e.Id == kept).Select(e => e.Sha256!).SingleAsync());
        var keptPath = PathIn(store.Root, keptSha);
        var orphan = PathIn(store.Root, new string('a', 64));
        var inFlight = PathIn(store.Root, new string('b', 64));
        foreach (var path in new[] { orphan, inFlight })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "placed, and the process was killed before its row committed");
        }

        var old = DateTime.UtcNow.AddHours(-3);
        File.SetLastWriteTimeUtc(orphan, old);
        File.SetLastWriteTimeUtc(keptPath, old);

        // The next start sweeps: the old orphan goes, the recent one (maybe in flight elsewhere) and the recorded one stay
        await using var restarted = world.Factory.SharingStorage();
        _ = restarted.Services;
        await JobsTests.WaitUntilAsync(() => Task.FromResult(!File.Exists(orphan)));
        Assert.True(File.Exists(inFlight));
        Assert.True(File.Exists(keptPath));
        Assert.Equal(HttpStatusCode.OK, (await world.Client("leadA").GetAsync($"/api/v1/evidence/{kept}/download")).StatusCode);
    }

    private static string PathIn(string root, string sha256) => Path.Combine(root, sha256[..2], sha256);

    // Writes until the file system says it is full
    private static void Fill(string folder)
    {
        using var filler = new FileStream(Path.Combine(folder, "filler"), FileMode.CreateNew);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException e) when (StorageFull.Is(e))
        {
            // Full
        }

        Assert.True(filler.Length > 0);
    }

    internal static void Mount(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);

    internal static void Unmount(string folder)
    {
        Run("umount", "-l", folder);
        Directory.Delete(folder, recursive: true);
    }

    internal static int Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit(30_000);
        return process.ExitCode;
    }
}

/// <summary>A fact that needs to mount a small tmpfs (root, as in CI); skipped or failed, saying why (see <see cref="Prerequisites"/>), where that is refused.</summary>
internal sealed class FullDiskFactAttribute : FactAttribute
{
    private static readonly bool CanMount = Probe();

    public FullDiskFactAttribute() => Skip = Prerequisites.Skip(Missing);

    /// <summary>Why a tmpfs cannot be mounted here, or null.</summary>
    public static string? Missing => CanMount ? null : "mounting a small tmpfs as a full disk needs root (scripts/test and CI run as root)";

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var folder = Directory.CreateTempSubdirectory("attest-mount-probe-").FullName;
        try
        {
            if (FullDiskTests.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder) != 0)
            {
                return false;
            }

            FullDiskTests.Run("umount", folder);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
