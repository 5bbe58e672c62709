using System.Buffers;
using System.Globalization;
using System.Text;

namespace Attest.Core.Documents;

/// <summary>
/// Turns the bytes of an input (an application, a catalog, a site observation) into text by the same rules wherever it
/// comes from: the size limit is enforced while reading, never taken from a stated length; the text is UTF-8 (a leading
/// byte-order mark is dropped); a NUL byte means binary content, not text. Problems are values naming the place.
/// </summary>
public static class TextInput
{
    /// <summary>Reads <paramref name="stream"/> to its end, stopping as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    /// <param name="stream">The content; read, not disposed.</param>
    /// <param name="name">The name shown in problems (a path).</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <returns>The text, or the problem (too large, not UTF-8, binary).</returns>
    public static (string? Text, InputError? Error) Read(Stream stream, string name, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
                var read = stream.Read(chunk, 0, wanted);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, TooLarge(name, maxBytes));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
    }

    /// <summary>The text of <paramref name="bytes"/>, or why they are not text.</summary>
    public static (string? Text, InputError? Error) Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (FirstInvalidUtf8(bytes) is { } bad)
        {
            return (null, new InputError(name, bad.Line, bad.Column, "", "the file is not UTF-8 text (invalid byte here)"));
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var at = PositionOf(bytes[..nul]);
            return (null, new InputError(name, at.Line, at.Column, "", "the file is binary, not text (a NUL byte here)"));
        }

        return (Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), null);
    }

    /// <summary>The problem of an input larger than <paramref name="maxBytes"/>.</summary>
    public static InputError TooLarge(string name, long maxBytes)
    {
        var bytes = maxBytes.ToString(CultureInfo.InvariantCulture);
        return new(name, 1, 1, "", maxBytes > 0 && maxBytes % (1024 * 1024) == 0
            ? $"the file is larger than the {(maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB limit ({bytes} bytes)"
            : $"the file is larger than the limit of {bytes} bytes");
    }

    /// <summary>The line and column of the first byte that is not valid UTF-8, or null when all are.</summary>
    public static SourcePosition? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var column = 1;
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != OperationStatus.Done)
            {
                return new SourcePosition(line, column);
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            bytes = bytes[consumed..];
        }

        return null;
    }

    private static SourcePosition PositionOf(ReadOnlySpan<byte> before)
    {
        var line = 1 + before.Count((byte)'\n');
        var lastBreak = before.LastIndexOf((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(before[(lastBreak + 1)..]);
        return new SourcePosition(line, column);
    }
}
