using System.Net;
using System.Net.Sockets;

namespace Attest.Evidence.Site;

/// <summary>
/// The HTTP handler of the site check. It resolves host names itself, refuses any non-public address (see
/// <see cref="AddressGuard"/>) unless told otherwise, and connects to the very addresses it checked, so that a second
/// resolution cannot swap in an internal one. No proxy, no cookies, no automatic redirects: the crawler follows them itself.
/// </summary>
public static class GuardedConnection
{
    /// <summary>A handler for the crawler.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateAddresses, TimeSpan connectTimeout, int connectionsPerServer)
    {
        return new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = connectTimeout,
            MaxConnectionsPerServer = Math.Max(1, connectionsPerServer),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, allowPrivateAddresses, cancellation),
        };
    }

    /// <summary>Resolves <paramref name="endPoint"/>, checks every address, and connects to the checked ones.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivateAddresses, CancellationToken cancellation)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!allowPrivateAddresses)
        {
            // One internal address among public ones is enough to refuse: a resolver answer is not ours to trust
            foreach (var address in addresses)
            {
                if (AddressGuard.WhyRefused(address) is { } why)
                {
                    throw new AddressRefusedException(endPoint.Host, address, why);
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellation).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection refused because the host resolves to a non-public address.</summary>
public sealed class AddressRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AddressRefusedException(string host, IPAddress address, string why)
        : base($"{host} resolves to {address}, a {why} address, which the site check does not connect to")
    {
        Host = host;
        Address = address;
    }

    /// <summary>Creates the exception.</summary>
    public AddressRefusedException()
        : this("", IPAddress.None, "")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AddressRefusedException(string message)
        : base(message)
    {
        Host = "";
        Address = IPAddress.None;
    }

    /// <summary>Creates the exception.</summary>
    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = "";
        Address = IPAddress.None;
    }

    /// <summary>The host name asked for.</summary>
    public string Host { get; }

    /// <summary>The address it resolved to.</summary>
    public IPAddress Address { get; }
}
