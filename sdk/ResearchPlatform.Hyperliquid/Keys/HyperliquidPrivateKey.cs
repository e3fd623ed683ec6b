using System.Security.Cryptography;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Hyperliquid.Keys;

/// <summary>
/// A secp256k1 private key (an account or API-wallet key). The key bytes never appear in <see cref="ToString"/>,
/// exceptions or logs; only the derived address does. Dispose to zero the bytes.
/// </summary>
public sealed class HyperliquidPrivateKey : IDisposable
{
    private readonly byte[] _key;

    private HyperliquidPrivateKey(byte[] key)
    {
        _key = key;
        Address = Secp256k1.AddressOfPrivateKey(key);
    }

    /// <summary>The signer's address, "0x" + 40 lowercase hex digits.</summary>
    public string Address { get; }

    /// <summary>Parses 64 hex digits (with or without "0x", surrounding whitespace ignored). Errors never echo the key.</summary>
    public static HyperliquidPrivateKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var trimmed = hex.Trim();
        var digits = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        if (digits.Length != 64 || !digits.All(Uri.IsHexDigit))
        {
            throw new FormatException("private key must be 64 hex digits (optionally prefixed with 0x)");
        }

        var bytes = Convert.FromHexString(digits);
        if (!Secp256k1.IsValidPrivateKey(bytes))
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new FormatException("private key is out of range for secp256k1");
        }

        return new HyperliquidPrivateKey(bytes);
    }

    /// <summary>Signs a 32-byte digest (RFC 6979, low-s, v = 27 + recovery id).</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> digest32) => Secp256k1.Sign(digest32, _key);

    /// <inheritdoc />
    public override string ToString() => $"HyperliquidPrivateKey({Address})";

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
