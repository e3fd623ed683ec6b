using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// Signs L1 actions into /exchange bodies {action, nonce, signature, vaultAddress, expiresAfter}: the nonce, vault and
/// expiry in the body are exactly the ones hashed. One nonce provider per signing key.
/// </summary>
internal sealed class ExchangeSigner
{
    private readonly HyperliquidPrivateKey _key;
    private readonly NonceProvider _nonces;
    private readonly HyperliquidNetwork _network;
    private readonly string? _vault;

    public ExchangeSigner(HyperliquidPrivateKey key, NonceProvider nonces, HyperliquidNetwork network, string? vaultAddress)
    {
        _key = key;
        _nonces = nonces;
        _network = network;
        _vault = vaultAddress?.ToLowerInvariant();
    }

    public string SignerAddress => _key.Address;

    public JsonObject Sign(JsonObject action, long? expiresAfter = null)
    {
        var nonce = _nonces.Next();
        var signed = L1ActionSigner.Sign(_key, action, (ulong)nonce, _vault, (ulong?)expiresAfter, _network);
        var body = new JsonObject
        {
            ["action"] = action.DeepClone(),
            ["nonce"] = nonce,
            ["signature"] = signed.Signature.ToJson(),
            ["vaultAddress"] = _vault,
        };
        if (expiresAfter is not null)
        {
            body["expiresAfter"] = expiresAfter;
        }

        return body;
    }
}
