using System.Runtime.InteropServices;
using Attest.Core.Documents;

namespace Attest.Cli;

/// <summary>
/// Reads the command line's input files within a limit: only regular files (symbolic links followed) are opened, so a
/// device, a pipe or a socket is refused at once instead of hanging or streaming without end, and the limit is enforced
/// while reading (<see cref="TextInput.Read"/>), never trusted from the stated length. Problems are values naming the file.
/// </summary>
internal static class InputFile
{
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

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
    public static string? NotRegular(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a file";
        }

        if (!File.Exists(path))
        {
            return new FileInfo(path).LinkTarget is not null ? "is a symbolic link to nothing" : "no such file";
        }

        return FileType(path) is { } type && type != RegularFileType
            ? type == DirectoryType ? "is a folder, not a file" : "is not a regular file (a device, a pipe or a socket): refused, it cannot be read within a limit"
            : null;
    }

    // The file type bits of stat(2), symbolic links followed, through the runtime's own native helper (the call
    // FileInfo makes, whose status starts with two 32-bit fields: flags, then mode); null where it is not available
    private static int? FileType(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var status = new byte[512];
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & FileTypeMask : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
