using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

public sealed class L1ActionSignerTests
{
    [Theory]
    [MemberData(nameof(L1Vectors.Names), MemberType = typeof(L1Vectors))]
    public void Sign_OfficialVector_ReproducesEveryIntermediateAndTheSignature(string name)
    {
        var v = L1Vectors.Get(name);
        var action = JsonNode.Parse(v.ActionJson)!;
        using var key = HyperliquidPrivateKey.Parse(L1Vectors.PythonKey);

        Assert.Equal(v.Msgpack, Convert.ToHexStringLower(ActionMsgpack.Encode(action)));
        Assert.Equal(v.Preimage, Convert.ToHexStringLower(L1ActionSigner.Preimage(action, v.Nonce, v.Vault, null)));
        var hash = L1ActionSigner.ActionHash(action, v.Nonce, v.Vault, null);
        Assert.Equal(v.ConnectionId, Hex.Encode(hash));
        Assert.Equal(v.AgentStructHash, Hex.Encode(L1ActionSigner.AgentStructHash(hash, v.Network)));
        Assert.Equal(v.Digest, Hex.Encode(L1ActionSigner.Digest(hash, v.Network)));

        var signed = L1ActionSigner.Sign(key, action, v.Nonce, v.Vault, null, v.Network);
        Assert.Equal(Hex.ParseUInt256(v.R), signed.Signature.R);
        Assert.Equal(Hex.ParseUInt256(v.S), signed.Signature.S);
        Assert.Equal(v.V, signed.Signature.V);
        Assert.Equal(L1Vectors.PythonAddress, signed.Signer);
    }

    [Theory]
    [MemberData(nameof(L1Vectors.Names), MemberType = typeof(L1Vectors))]
    public void RecoverSigner_OfficialSignature_IsThePythonTestAddress(string name)
    {
        var v = L1Vectors.Get(name);
        var signature = new EcdsaSignature(Hex.ParseUInt256(v.R), Hex.ParseUInt256(v.S), v.V);

        var signer = L1ActionSigner.RecoverSigner(JsonNode.Parse(v.ActionJson)!, v.Nonce, v.Vault, null, v.Network, signature);

        Assert.Equal(L1Vectors.PythonAddress, signer);
    }

    [Fact]
    public void ActionHash_P1PhantomAgentOrder_MatchesProductionConnectionId()
    {
        var action = JsonNode.Parse("""{"type":"order","orders":[{"a":4,"b":true,"p":"1670.1","s":"0.0147","r":false,"t":{"limit":{"tif":"Ioc"}}}],"grouping":"na"}""")!;

        Assert.Equal(
            "83a474797065a56f72646572a66f72646572739186a16104a162c3a170a6313637302e31a173a6302e30313437a172c2a17481a56c696d697481a3746966a3496f63a867726f7570696e67a26e61",
            Convert.ToHexStringLower(ActionMsgpack.Encode(action)));
        Assert.Equal("0x0fcbeda5ae3c4950a548021552a4fea2226858c4453571bf3f24ba017eac2908",
            Hex.Encode(L1ActionSigner.ActionHash(action, 1677777606040, null, null)));
    }

    [Fact]
    public void RecoverSigner_TrailingZeroPrice_RecoversADifferentAddress()
    {
        var v = L1Vectors.Get("P3 Mainnet");
        var signature = new EcdsaSignature(Hex.ParseUInt256(v.R), Hex.ParseUInt256(v.S), v.V);
        var altered = JsonNode.Parse(v.ActionJson.Replace("\"p\":\"100\"", "\"p\":\"100.0\"", StringComparison.Ordinal))!;

        var signer = L1ActionSigner.RecoverSigner(altered, v.Nonce, v.Vault, null, v.Network, signature);

        Assert.NotNull(signer);
        Assert.NotEqual(L1Vectors.PythonAddress, signer);
    }

    [Fact]
    public void Preimage_ExpiresAfter_AppendsZeroByteAndBigEndianTimestamp()
    {
        var action = JsonNode.Parse("""{"type":"noop"}""")!;

        var preimage = Convert.ToHexStringLower(L1ActionSigner.Preimage(action, 5, null, 1700000060000));

        Assert.Equal("81a474797065a46e6f6f70" + "0000000000000005" + "00" + "00" + "0000018bcfe65260", preimage);
    }

    [Fact]
    public void Sign_WithExpiresAfter_RecoversSignerOnlyWithTheSameExpiry()
    {
        using var key = HyperliquidPrivateKey.Parse(L1Vectors.PythonKey);
        var action = JsonNode.Parse("""{"type":"scheduleCancel","time":1700000005000}""")!;

        var signed = L1ActionSigner.Sign(key, action, 42, null, 1700000060000, HyperliquidNetwork.Testnet);

        Assert.Equal(key.Address, L1ActionSigner.RecoverSigner(action, 42, null, 1700000060000, HyperliquidNetwork.Testnet, signed.Signature));
        Assert.NotEqual(key.Address, L1ActionSigner.RecoverSigner(action, 42, null, null, HyperliquidNetwork.Testnet, signed.Signature));
        Assert.NotEqual(key.Address, L1ActionSigner.RecoverSigner(action, 42, null, 1700000060000, HyperliquidNetwork.Mainnet, signed.Signature));
    }
}
