using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

/// <summary>Vectors P11 (usdSend) and P12 (withdraw3), testnet.</summary>
public sealed class UserSignedActionSignerTests
{
    [Theory]
    [InlineData("usdSend", "0xe81f1691f350bb9a59d2b40b3d16c9526a8f93407dd72bcb9ea95e291a5de6da", "0xcacf7585cc49ca60c6c5fb3001e226c0ca03c46252c893eea574c78907b7cebe",
        "0x637b37dd731507cdd24f46532ca8ba6eec616952c56218baeff04144e4a77073", "0x11a6a24900e6e314136d2592e2f8d502cd89b7c15b198e1bee043c9589f9fad7", 27)]
    [InlineData("withdraw3", "0xbb36a2adff957df448a8f3da0bcb708a2687fdc0644784bce37a1fd28e251a3c", "0x8080d06f566813165cec60d85300445133b3439e9c92e10b93ed510372608899",
        "0x8363524c799e90ce9bc41022f7c39b4e9bdba786e5f9c72b20e43e1462c37cf9", "0x58b1411a775938b83e29182e8ef74975f9054c8e97ebf5ec2dc8d51bfc893881", 28)]
    public void Sign_OfficialTestnetVector_MatchesStructHashDigestAndSignature(string type, string structHash, string digest, string r, string s, int v)
    {
        using var key = HyperliquidPrivateKey.Parse(L1Vectors.PythonKey);
        var action = new JsonObject
        {
            ["type"] = type,
            ["destination"] = "0x5e9ee1089755c3435139848e47e6635505d5a13a",
            ["amount"] = "1",
            ["time"] = 1687816341423L,
        };

        var (prepared, signature) = UserSignedActionSigner.Sign(key, action, HyperliquidNetwork.Testnet);

        Assert.Equal("0x66eee", prepared["signatureChainId"]!.GetValue<string>());
        Assert.Equal("Testnet", prepared["hyperliquidChain"]!.GetValue<string>());
        Assert.Equal(structHash, Hex.Encode(UserSignedActionSigner.StructHash(UserSignedActionSigner.TypeOf(prepared), prepared)));
        Assert.Equal(digest, Hex.Encode(UserSignedActionSigner.Digest(prepared)));
        Assert.Equal(Hex.ParseUInt256(r), signature.R);
        Assert.Equal(Hex.ParseUInt256(s), signature.S);
        Assert.Equal(v, signature.V);
        Assert.Equal(L1Vectors.PythonAddress, UserSignedActionSigner.RecoverSigner(prepared, signature));
    }

    [Fact]
    public void Sign_UnnamedApproveAgent_SignsEmptyNameAndPostsWithoutIt()
    {
        using var key = HyperliquidPrivateKey.Parse(L1Vectors.PythonKey);
        var action = new JsonObject { ["type"] = "approveAgent", ["agentAddress"] = "0x5e9ee1089755c3435139848e47e6635505d5a13a", ["nonce"] = 1700000000000L };

        var (prepared, signature) = UserSignedActionSigner.Sign(key, action, HyperliquidNetwork.Mainnet);
        var posted = UserSignedActionSigner.PostedForm(prepared);

        Assert.Equal("", prepared["agentName"]!.GetValue<string>());
        Assert.Equal("Mainnet", prepared["hyperliquidChain"]!.GetValue<string>());
        Assert.False(posted.ContainsKey("agentName"));
        Assert.Equal(key.Address, UserSignedActionSigner.RecoverSigner(prepared, signature));
        Assert.Equal(1700000000000UL, UserSignedActionSigner.NonceOf(prepared));
    }

    [Fact]
    public void TypeOf_UnknownType_ThrowsNamingIt()
    {
        var e = Assert.Throws<FormatException>(() => UserSignedActionSigner.TypeOf(new JsonObject { ["type"] = "order" }));

        Assert.Contains("'order'", e.Message, StringComparison.Ordinal);
    }
}
