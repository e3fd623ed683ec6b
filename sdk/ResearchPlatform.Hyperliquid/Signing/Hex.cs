using System.Numerics;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>Lowercase hex helpers ("0x" prefix optional on input).</summary>
public static class Hex
{
    /// <summary>Decodes hex, with or without "0x"; throws <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static byte[] Decode(string hex, string what = "hex value")
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (s.Length % 2 != 0)
        {
            throw new FormatException($"{what} has an odd number of hex digits");
        }

        try
        {
            return Convert.FromHexString(s);
        }
        catch (FormatException)
        {
            throw new FormatException($"{what} is not hexadecimal");
        }
    }

    /// <summary>"0x" + lowercase hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>A non-negative integer as "0x" + 64 lowercase hex digits.</summary>
    public static string EncodeUInt256(BigInteger value) => Encode(ToBytes32(value));

    /// <summary>Parses "0x..." (any length up to 64 digits) as a non-negative integer.</summary>
    public static BigInteger ParseUInt256(string hex, string what = "hex integer")
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (s.Length is 0 or > 64)
        {
            throw new FormatException($"{what} must have 1 to 64 hex digits");
        }

        return new BigInteger(Decode(s.Length % 2 == 0 ? s : "0" + s, what), isUnsigned: true, isBigEndian: true);
    }

    /// <summary>A non-negative integer as 32 big-endian bytes.</summary>
    public static byte[] ToBytes32(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "negative values have no uint256 encoding");
        }

        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "value exceeds 256 bits");
        }

        var result = new byte[32];
        raw.CopyTo(result, 32 - raw.Length);
        return result;
    }
}
