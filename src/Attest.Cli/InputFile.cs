using Attest.Core.Documents;
using Attest.Evidence.Scanning;

namespace Attest.Cli;

/// <summary>
/// Reads the command line's input files within a limit: only regular files (symbolic links followed) are opened, so a
/// device, a pipe or a socket is refused at once instead of hanging or streaming without end, and the limit is enforced
/// while reading (<see cref="TextInput.Read"/>), never trusted from the stated length. Problems are values naming the file.
/// </summary>
internal static class InputFile
{
    /// <summary>The text of the regular file at <paramref name="path"/>, read with at most <paramref name="maxBytes"/> bytes.</summary>
    public static (string? Text, InputError? Error) Read(string path, long maxBytes)
    {
        var (stream, error) = Open(path);
        if (stream is null)
        {
            return (null, error);
        }

        try
        {
            using (stream)
            {
                return TextInput.Read(stream, path, maxBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError(path, 1, 1, "", OneLine(e.Message)));
        }
    }

    /// <summary>Opens the regular file at <paramref name="path"/> for reading, or says why not (missing, a folder, not a regular file, no access).</summary>
    public static (Stream? Stream, InputError? Error) Open(string path)
    {
        if (NotRegular(path) is { } problem)
        {
            return (null, new InputError(path, 1, 1, "", problem));
        }

        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError(path, 1, 1, "", OneLine(e.Message)));
        }
    }

    /// <summary>Why <paramref name="path"/> is not a regular file that can be read (symbolic links followed), or null when it is one.</summary>
    public static string? NotRegular(string path) => RegularFile.NotRegular(path);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
