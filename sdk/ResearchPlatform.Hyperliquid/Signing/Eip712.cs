using System.Numerics;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>EIP-712 pieces used by Hyperliquid: domain separators, the digest and field encoding.</summary>
public static class Eip712
{
    /// <summary>keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)").</summary>
    public static byte[] DomainTypeHash { get; } =
        Keccak.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// <summary>hashStruct(EIP712Domain{name, version, chainId, verifyingContract = 0x0}).</summary>
    public static byte[] DomainSeparator(string name, string version, BigInteger chainId)
    {
        var data = new byte[32 * 5];
        DomainTypeHash.CopyTo(data, 0);
        Keccak.Hash(name).CopyTo(data, 32);
        Keccak.Hash(version).CopyTo(data, 64);
        Hex.ToBytes32(chainId).CopyTo(data, 96);
        return Keccak.Hash(data);
    }

    /// <summary>keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        var data = new byte[66];
        data[0] = 0x19;
        data[1] = 0x01;
        domainSeparator.CopyTo(data.AsSpan(2));
        structHash.CopyTo(data.AsSpan(34));
        return Keccak.Hash(data);
    }

    /// <summary>A 20-byte address left-padded to 32 bytes.</summary>
    public static byte[] EncodeAddress(string address)
    {
        var raw = Hex.Decode(address, "address");
        if (raw.Length != 20)
        {
            throw new FormatException($"address '{address}' must be 20 bytes");
        }

        var word = new byte[32];
        raw.CopyTo(word, 12);
        return word;
    }
}
