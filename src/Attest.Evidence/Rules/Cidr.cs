using System.Net;
using System.Net.Sockets;

namespace Attest.Evidence.Rules;

/// <summary>A CIDR block read as a network, so that <c>0.0.0.0/0</c>, <c>::/0</c> and <c>0:0:0:0:0:0:0:0/00</c> compare as what they are.</summary>
internal readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    /// <summary>Reads <c>a.b.c.d/n</c> or an IPv6 block; a bare address is a /32 or /128. Null when it is not a block.</summary>
    public static Cidr? Parse(string text)
    {
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? trimmed : trimmed[..slash];
        if (!IPAddress.TryParse(address, out var ip) || (ip.AddressFamily != AddressFamily.InterNetwork && ip.AddressFamily != AddressFamily.InterNetworkV6))
        {
            return null;
        }

        var bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(trimmed.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return null;
        }

        return new Cidr(ip, prefix);
    }

    /// <summary>True for a block that reaches the whole internet (a prefix of 0, or 1 as in the two halves trick).</summary>
    public bool IsWholeInternet => PrefixLength <= 1;

    /// <summary>True for private (RFC 1918, unique local, loopback, link-local) space.</summary>
    public bool IsPrivate
    {
        get
        {
            var bytes = Network.GetAddressBytes();
            if (Network.AddressFamily == AddressFamily.InterNetwork)
            {
                return (bytes[0] == 10 && PrefixLength >= 8)
                    || (bytes[0] == 172 && (bytes[1] & 0xF0) == 16 && PrefixLength >= 12)
                    || (bytes[0] == 192 && bytes[1] == 168 && PrefixLength >= 16)
                    || (bytes[0] == 127 && PrefixLength >= 8)
                    || (bytes[0] == 169 && bytes[1] == 254 && PrefixLength >= 16);
            }

            return ((bytes[0] & 0xFE) == 0xFC && PrefixLength >= 7) || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80 && PrefixLength >= 10) || (IPAddress.IsLoopback(Network) && PrefixLength == 128);
        }
    }
}
