using System.Numerics;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>A secp256k1 signature as the exchange takes it: r, s (low-s) and v = 27 + recovery id.</summary>
public sealed record EcdsaSignature(BigInteger R, BigInteger S, int V)
{
    /// <summary>r as "0x" + 64 hex digits.</summary>
    public string RHex => Hex.EncodeUInt256(R);

    /// <summary>s as "0x" + 64 hex digits.</summary>
    public string SHex => Hex.EncodeUInt256(S);

    /// <summary><c>{"r":"0x..","s":"0x..","v":27}</c>.</summary>
    public JsonObject ToJson() => new() { ["r"] = RHex, ["s"] = SHex, ["v"] = V };

    /// <summary>Parses the JSON form; r/s may be zero-padded or minimal hex (both are in production use).</summary>
    public static EcdsaSignature FromJson(JsonNode? node)
    {
        if (node is not JsonObject obj || obj["r"] is not JsonValue r || obj["s"] is not JsonValue s || obj["v"] is not JsonValue v)
        {
            throw new FormatException("signature must be an object with r, s and v");
        }

        var vValue = v.TryGetValue<int>(out var vi) ? vi
            : v.TryGetValue<string>(out var vs) && int.TryParse(vs, System.Globalization.CultureInfo.InvariantCulture, out vi) ? vi
            : throw new FormatException("signature.v must be 27 or 28");
        return new EcdsaSignature(
            Hex.ParseUInt256(r.GetValue<string>(), "signature.r"),
            Hex.ParseUInt256(s.GetValue<string>(), "signature.s"),
            vValue);
    }
}
