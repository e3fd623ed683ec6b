using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>
/// User-signed actions (HyperliquidSignTransaction): EIP-712 typed data signed directly, domain
/// {"HyperliquidSignTransaction", "1", chainId = signatureChainId, 0x0}, primary type "HyperliquidTransaction:&lt;Name&gt;".
/// No msgpack, no phantom agent; only the type's fields are hashed.
/// </summary>
public static class UserSignedActionSigner
{
    /// <summary>The chain id the official SDKs put in signatureChainId (421614, Arbitrum Sepolia) on both networks.</summary>
    public const string DefaultSignatureChainId = "0x66eee";

    /// <summary>
    /// Returns a copy of the action with signatureChainId (kept when present) and hyperliquidChain set, and, for
    /// approveAgent, agentName "" when absent (it is signed as "" and removed from the posted JSON by <see cref="PostedForm"/>).
    /// </summary>
    public static JsonObject Prepare(JsonObject action, HyperliquidNetwork network)
    {
        ArgumentNullException.ThrowIfNull(action);
        var copy = (JsonObject)action.DeepClone();
        copy["signatureChainId"] ??= DefaultSignatureChainId;
        copy["hyperliquidChain"] = network == HyperliquidNetwork.Mainnet ? "Mainnet" : "Testnet";
        if (TypeOf(copy).ActionType == "approveAgent")
        {
            copy["agentName"] ??= "";
        }

        return copy;
    }

    /// <summary>The JSON to post: an unnamed approveAgent drops its empty agentName (as the Python SDK does).</summary>
    public static JsonObject PostedForm(JsonObject prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var copy = (JsonObject)prepared.DeepClone();
        if (TypeOf(copy).ActionType == "approveAgent" && copy["agentName"] is JsonValue v && v.GetValue<string>().Length == 0)
        {
            copy.Remove("agentName");
        }

        return copy;
    }

    /// <summary>The EIP-712 digest of a prepared action.</summary>
    public static byte[] Digest(JsonObject prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var type = TypeOf(prepared);
        var chainText = prepared["signatureChainId"]?.GetValue<string>() ?? throw new FormatException("signatureChainId is missing");
        var domain = Eip712.DomainSeparator("HyperliquidSignTransaction", "1", Hex.ParseUInt256(chainText, "signatureChainId"));
        return Eip712.Digest(domain, StructHash(type, prepared));
    }

    /// <summary>hashStruct(message) for the action's type.</summary>
    public static byte[] StructHash(UserSignedType type, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(message);
        var data = new byte[32 * (type.Fields.Count + 1)];
        Keccak.Hash(type.EncodeType()).CopyTo(data, 0);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var (name, fieldType) = type.Fields[i];
            var value = message[name] ?? throw new FormatException($"{type.ActionType}: field '{name}' is missing");
            EncodeField(name, fieldType, value).CopyTo(data, 32 * (i + 1));
        }

        return Keccak.Hash(data);
    }

    /// <summary>Prepares and signs a user-signed action.</summary>
    public static (JsonObject Prepared, EcdsaSignature Signature) Sign(HyperliquidPrivateKey key, JsonObject action, HyperliquidNetwork network)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prepared = Prepare(action, network);
        return (prepared, key.Sign(Digest(prepared)));
    }

    /// <summary>The signer of a prepared action, or null when the signature does not recover.</summary>
    public static string? RecoverSigner(JsonObject prepared, EcdsaSignature signature) => Secp256k1.RecoverAddress(Digest(prepared), signature);

    /// <summary>The action's nonce: its "time" or "nonce" field.</summary>
    public static ulong NonceOf(JsonObject action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var node = action["time"] ?? action["nonce"] ?? throw new FormatException("user-signed action needs a 'time' or 'nonce' field");
        return JsonNumbers.TryGetUInt64(node, out var nonce) ? nonce : throw new FormatException("user-signed action nonce must be a non-negative integer");
    }

    /// <summary>The type of an action from its "type" field; throws for unknown types.</summary>
    public static UserSignedType TypeOf(JsonObject action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var name = action["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>()
            : throw new FormatException("user-signed action needs a string 'type'");
        return UserSignedType.ByActionType.TryGetValue(name, out var type)
            ? type
            : throw new FormatException($"unknown user-signed action type '{name}' (known: {string.Join(", ", UserSignedType.ByActionType.Keys)})");
    }

    private static byte[] EncodeField(string name, string fieldType, JsonNode value) => fieldType switch
    {
        "string" => Keccak.Hash(value.GetValue<string>()),
        "address" => Eip712.EncodeAddress(value.GetValue<string>()),
        "bool" => Hex.ToBytes32(value.GetValue<bool>() ? BigInteger.One : BigInteger.Zero),
        "uint64" or "uint256" => Hex.ToBytes32(ReadUnsigned(name, value)),
        "bytes32" => Hex.Decode(value.GetValue<string>(), name),
        _ => throw new FormatException($"unsupported EIP-712 field type '{fieldType}' for '{name}'"),
    };

    private static BigInteger ReadUnsigned(string name, JsonNode value)
    {
        if (JsonNumbers.TryGetUInt64(value, out var u))
        {
            return u;
        }

        if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String
            && ulong.TryParse(s.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out u))
        {
            return u;
        }

        throw new FormatException($"field '{name}' must be a non-negative integer");
    }
}
