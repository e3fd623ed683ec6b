using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>Ethereum Keccak-256 (the original Keccak padding, not NIST SHA3-256), from BouncyCastle.</summary>
public static class Keccak
{
    /// <summary>keccak256(data).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var output = new byte[32];
        digest.DoFinal(output);
        return output;
    }

    /// <summary>keccak256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
