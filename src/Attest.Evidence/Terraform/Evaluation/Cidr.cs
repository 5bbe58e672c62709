using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Terraform's CIDR functions, exact for IPv4 and IPv6 (the go-cidr arithmetic).</summary>
internal static class Cidr
{
    private readonly record struct Network(BigInteger Start, int PrefixLength, int Bits)
    {
        public BigInteger Size => BigInteger.One << (Bits - PrefixLength);

        public BigInteger Last => Start + Size - 1;

        public override string ToString() => Format(Start, Bits) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
    }

    public static V Subnet(string prefix, decimal newBits, decimal netNum)
    {
        if (Parse(prefix) is not { } network)
        {
            return new VError($"invalid CIDR prefix \"{prefix}\"");
        }

        if (newBits != decimal.Truncate(newBits) || newBits < 0 || netNum != decimal.Truncate(netNum) || netNum < 0)
        {
            return new VError("cidrsubnet needs whole, non-negative numbers");
        }

        var length = network.PrefixLength + (int)Math.Min(newBits, 256);
        if (length > network.Bits)
        {
            return new VError($"insufficient address space to extend prefix of {network.PrefixLength} by {newBits}");
        }

        var number = new BigInteger(netNum);
        if (number >= BigInteger.One << (length - network.PrefixLength))
        {
            return new VError($"prefix extension of {newBits} does not accommodate a subnet numbered {netNum}");
        }

        return new VString(new Network(network.Start | (number << (network.Bits - length)), length, network.Bits).ToString());
    }

    public static V Host(string prefix, decimal hostNum)
    {
        if (Parse(prefix) is not { } network)
        {
            return new VError($"invalid CIDR prefix \"{prefix}\"");
        }

        if (hostNum != decimal.Truncate(hostNum))
        {
            return new VError("cidrhost needs a whole host number");
        }

        var number = new BigInteger(hostNum);
        var address = number >= 0 ? network.Start + number : network.Last + number + 1;
        if (address < network.Start || address > network.Last)
        {
            return new VError($"prefix of {network.PrefixLength} does not accommodate a host numbered {hostNum}");
        }

        return new VString(Format(address, network.Bits));
    }

    public static V Netmask(string prefix)
    {
        if (Parse(prefix) is not { Bits: 32 } network)
        {
            return new VError($"cidrnetmask needs an IPv4 CIDR prefix, not \"{prefix}\"");
        }

        var mask = ((BigInteger.One << 32) - 1) ^ (network.Size - 1);
        return new VString(Format(mask, 32));
    }

    public static V Subnets(string prefix, IReadOnlyList<decimal> newBits)
    {
        if (Parse(prefix) is not { } network)
        {
            return new VError($"invalid CIDR prefix \"{prefix}\"");
        }

        if (newBits.Count == 0)
        {
            return VList.Empty;
        }

        var lengths = new int[newBits.Count];
        for (var i = 0; i < lengths.Length; i++)
        {
            if (newBits[i] != decimal.Truncate(newBits[i]) || newBits[i] < 1 || network.PrefixLength + newBits[i] > network.Bits)
            {
                return new VError($"cidrsubnets: invalid new bits {newBits[i]}");
            }

            lengths[i] = network.PrefixLength + (int)newBits[i];
        }

        var modulus = BigInteger.One << network.Bits;
        var current = new Network(Mask(Mod(network.Start - 1, modulus), lengths[0], network.Bits), lengths[0], network.Bits);
        var result = new List<VSet>();
        foreach (var length in lengths)
        {
            // go-cidr NextSubnet: the subnet of the new length after the one holding current's last address.
            var holder = Mask(current.Last, length, network.Bits);
            var after = holder + (BigInteger.One << (network.Bits - length));
            if (after >= modulus)
            {
                return new VError("cidrsubnets: not enough remaining address space");
            }

            var next = new Network(Mask(after, length, network.Bits), length, network.Bits);
            if (next.Start < network.Start || next.Last > network.Last)
            {
                return new VError("cidrsubnets: not enough remaining address space");
            }

            result.Add(VSet.Of(new VString(next.ToString())));
            current = next;
        }

        return new VList(result);
    }

    private static BigInteger Mod(BigInteger value, BigInteger modulus) => ((value % modulus) + modulus) % modulus;

    private static BigInteger Mask(BigInteger address, int length, int bits) =>
        address & (((BigInteger.One << bits) - 1) ^ ((BigInteger.One << (bits - length)) - 1));

    private static Network? Parse(string prefix)
    {
        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(prefix.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || !IPAddress.TryParse(prefix.AsSpan(0, slash), out var address))
        {
            return null;
        }

        var text = prefix[..slash];
        var isV4 = address.AddressFamily == AddressFamily.InterNetwork;
        if (isV4 && text.Count(c => c == '.') != 3)
        {
            // IPAddress accepts "10" or "10.1" as IPv4; Terraform does not.
            return null;
        }

        var bits = isV4 ? 32 : 128;
        if (length > bits)
        {
            return null;
        }

        var value = new BigInteger(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);
        return new Network(Mask(value, length, bits), length, bits);
    }

    private static string Format(BigInteger address, int bits)
    {
        var bytes = address.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[bits / 8];
        Array.Copy(bytes, 0, full, full.Length - bytes.Length, Math.Min(bytes.Length, full.Length));
        return new IPAddress(full).ToString();
    }
}
