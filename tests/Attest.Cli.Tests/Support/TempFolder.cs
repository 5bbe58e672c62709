using System.Text;

namespace Attest.Cli.Tests.Support;

/// <summary>A folder of its own for one test, removed when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "attest-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) and returns the file's full path.</summary>
    public string Write(string name, string text) => WriteBytes(name, Utf8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a file still open elsewhere must not fail the test
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
