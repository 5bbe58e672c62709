using System.Text;
using Attest.Core.Documents;

namespace Attest.Core.Tests.Documents;

public class TextInputTests
{
    [Fact]
    public void An_endless_stream_is_refused_once_past_the_limit_without_reading_it_all()
    {
        using var endless = new Endless();

        var (text, error) = TextInput.Read(endless, "/dev/zero", 1024);

        Assert.Null(text);
        Assert.Equal("/dev/zero:1:1: the file is larger than the limit of 1024 bytes", error!.ToString());
        Assert.InRange(endless.Served, 1025, 1024 + 81920);
    }

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        var (text, error) = TextInput.Read(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 100))), "a.yaml", 100);

        Assert.Null(error);
        Assert.Equal(100, text!.Length);
    }

    [Fact]
    public void Nul_bytes_are_binary_not_empty_text()
    {
        var (text, error) = TextInput.Read(new MemoryStream(new byte[1000]), "zeros.yaml", 10_000);

        Assert.Null(text);
        Assert.Equal("zeros.yaml:1:1: the file is binary, not text (a NUL byte here)", error!.ToString());
    }

    [Fact]
    public void A_nul_byte_is_placed_at_its_line_and_column()
    {
        var (_, error) = TextInput.Decode("a: 1\nbé: \0"u8, "f.yaml");

        Assert.Equal((2, 5), (error!.Line, error.Column));
    }

    [Fact]
    public void Invalid_utf8_is_placed_and_a_byte_order_mark_is_dropped()
    {
        var (_, bad) = TextInput.Decode([(byte)'a', (byte)'\n', (byte)'b', 0xFF], "f.yaml");
        var (text, none) = TextInput.Decode([0xEF, 0xBB, 0xBF, (byte)'x'], "f.yaml");

        Assert.Equal("f.yaml:2:2: the file is not UTF-8 text (invalid byte here)", bad!.ToString());
        Assert.Null(none);
        Assert.Equal("x", text);
    }

    // A stream without end and without a length, as a device gives
    private sealed class Endless : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
