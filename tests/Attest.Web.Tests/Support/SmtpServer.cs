using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace Attest.Web.Tests.Support;

/// <summary>What the test server accepted: the envelope, who authenticated, and the message as parsed from the DATA it read.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string? User, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// A tiny SMTP server on a loopback port, speaking just enough of the protocol for a real client: greeting, EHLO/HELO,
/// AUTH PLAIN (when given credentials; then MAIL needs it), MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
/// Every accepted message is parsed with MimeKit and queued for the test.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly CancellationTokenSource stop = new();
    private readonly string? username;
    private readonly string? password;
    private readonly Task accepting;

    public SmtpServer(string? username = null, string? password = null)
    {
        this.username = username;
        this.password = password;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The next message accepted, waiting up to <paramref name="timeout"/> (10 s by default).</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the test SMTP server received no message");
        }
    }

    /// <summary>A message already accepted, if any.</summary>
    public bool TryTake(out ReceivedMail? mail) => received.Reader.TryRead(out mail);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        try
        {
            await ConverseAsync(connection.GetStream());
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        var cancel = stop.Token;
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost Attest test SMTP");
        string? from = null;
        var to = new List<string>();
        string? user = null;
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            var parts = line.Split(' ', 3);
            switch (parts[0].ToUpperInvariant())
            {
                case "EHLO":
                    await writer.WriteAsync(username is null ? "250 localhost\r\n" : "250-localhost\r\n250 AUTH PLAIN\r\n");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "AUTH" when parts.Length >= 2 && parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase) && username is not null:
                    var response = parts.Length == 3 ? parts[2] : null;
                    if (response is null)
                    {
                        await writer.WriteLineAsync("334 ");
                        response = await reader.ReadLineAsync(cancel) ?? "";
                    }

                    // PLAIN: authorization identity, NUL, user, NUL, password
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    if (fields.Length == 3 && fields[1] == username && fields[2] == password)
                    {
                        user = fields[1];
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    }
                    else
                    {
                        await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                    }

                    break;
                case "MAIL" when username is not null && user is null:
                    await writer.WriteLineAsync("530 5.7.0 Authentication required");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT" when from is not null:
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA" when from is not null && to.Count > 0:
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(cancel) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    using (var message = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                    {
                        await received.Writer.WriteAsync(new ReceivedMail(from, [.. to], user, await MimeMessage.LoadAsync(message, cancel)), cancel);
                    }

                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }
}
