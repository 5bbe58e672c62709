using System.Runtime.InteropServices;

namespace Attest.Evidence.Scanning;

/// <summary>
/// Tells a regular file from a device, a pipe or a socket before it is opened, symbolic links followed: opening a named
/// pipe blocks until someone writes, and a device such as <c>/dev/zero</c> streams without end while saying it is empty.
/// Every reader of files on disk (the CLI's inputs, evidence folders) asks here first.
/// </summary>
public static class RegularFile
{
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>Why <paramref name="path"/> is not a regular file that can be read (symbolic links followed), or null when it is one.</summary>
    public static string? NotRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
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

    /// <summary>Opens the regular file at <paramref name="path"/> for reading; anything else is an <see cref="IOException"/> saying why.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        if (NotRegular(path) is { } problem)
        {
            throw new IOException(problem);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
    }

    // The file type bits of stat(2), symbolic links followed. .NET has no public call for them, so this asks the runtime's
    // own native helper (the call FileInfo makes, whose status starts with two 32-bit fields: flags, then mode); where it
    // is not available (Windows, another runtime) the check is skipped and the readers' limits still bound the read.
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

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
