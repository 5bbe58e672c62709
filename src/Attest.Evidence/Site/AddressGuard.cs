using System.Net;
using System.Net.Sockets;

namespace Attest.Evidence.Site;

/// <summary>
/// Which IP addresses a crawler running inside the server may connect to: only public unicast ones. Private, loopback,
/// link-local (the cloud metadata address among them), unique-local, shared (CGNAT), unspecified, multicast, broadcast,
/// documentation and reserved ranges are refused, also when written as IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6.
/// </summary>
public static class AddressGuard
{
    private static readonly (byte[] Prefix, int Bits, string Name)[] V4Blocked =
    [
        ([0, 0, 0, 0], 8, "'this network' (0.0.0.0/8)"),
        ([10, 0, 0, 0], 8, "private (10.0.0.0/8)"),
        ([100, 64, 0, 0], 10, "shared address space (100.64.0.0/10)"),
        ([127, 0, 0, 0], 8, "loopback (127.0.0.0/8)"),
        ([169, 254, 0, 0], 16, "link-local (169.254.0.0/16)"),
        ([172, 16, 0, 0], 12, "private (172.16.0.0/12)"),
        ([192, 0, 0, 0], 24, "IETF protocol assignments (192.0.0.0/24)"),
        ([192, 0, 2, 0], 24, "documentation (192.0.2.0/24)"),
        ([192, 88, 99, 0], 24, "6to4 relay anycast (192.88.99.0/24)"),
        ([192, 168, 0, 0], 16, "private (192.168.0.0/16)"),
        ([198, 18, 0, 0], 15, "benchmarking (198.18.0.0/15)"),
        ([198, 51, 100, 0], 24, "documentation (198.51.100.0/24)"),
        ([203, 0, 113, 0], 24, "documentation (203.0.113.0/24)"),
        ([224, 0, 0, 0], 4, "multicast (224.0.0.0/4)"),
        ([240, 0, 0, 0], 4, "reserved or broadcast (240.0.0.0/4)"),
    ];

    private static readonly (byte[] Prefix, int Bits, string Name)[] V6Blocked =
    [
        (Bytes("::"), 128, "unspecified (::)"),
        (Bytes("::1"), 128, "loopback (::1)"),
        (Bytes("fe80::"), 10, "link-local (fe80::/10)"),
        (Bytes("fec0::"), 10, "site-local (fec0::/10)"),
        (Bytes("fc00::"), 7, "unique local (fc00::/7)"),
        (Bytes("ff00::"), 8, "multicast (ff00::/8)"),
        (Bytes("100::"), 64, "discard-only (100::/64)"),
        (Bytes("2001:db8::"), 32, "documentation (2001:db8::/32)"),
        (Bytes("2001::"), 32, "Teredo (2001::/32)"),
        (Bytes("2001:10::"), 28, "ORCHID (2001:10::/28)"),
        (Bytes("fd00:ec2::"), 32, "AWS instance metadata (fd00:ec2::/32)"),
    ];

    /// <summary>Whether a crawler may connect to <paramref name="address"/>.</summary>
    public static bool IsPublic(IPAddress address) => WhyRefused(address) is null;

    /// <summary>Why <paramref name="address"/> is refused, in English; null when it is a public unicast address.</summary>
    public static string? WhyRefused(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return V4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        var bytes = address.GetAddressBytes();
        foreach (var (prefix, bits, name) in V6Blocked)
        {
            if (InPrefix(bytes, prefix, bits))
            {
                return name;
            }
        }

        // IPv6 forms that carry an IPv4 address: judged by the IPv4 address they lead to
        if (InPrefix(bytes, Bytes("::ffff:0:0"), 96) || InPrefix(bytes, Bytes("::"), 96) || InPrefix(bytes, Bytes("64:ff9b::"), 96) || InPrefix(bytes, Bytes("64:ff9b:1::"), 48))
        {
            return V4(bytes[12..16]) is { } inner ? "IPv4 " + inner + " written as IPv6" : null;
        }

        if (InPrefix(bytes, Bytes("2002::"), 16))
        {
            return V4(bytes[2..6]) is { } inner ? "IPv4 " + inner + " inside a 6to4 address" : null;
        }

        return null;
    }

    private static string? V4(byte[] bytes)
    {
        foreach (var (prefix, bits, name) in V4Blocked)
        {
            if (InPrefix(bytes, prefix, bits))
            {
                return name;
            }
        }

        return null;
    }

    private static bool InPrefix(byte[] address, byte[] prefix, int bits)
    {
        if (address.Length != prefix.Length)
        {
            return false;
        }

        var whole = bits / 8;
        for (var i = 0; i < whole; i++)
        {
            if (address[i] != prefix[i])
            {
                return false;
            }
        }

        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (prefix[whole] & mask);
    }

    private static byte[] Bytes(string address) => IPAddress.Parse(address).GetAddressBytes();
}
