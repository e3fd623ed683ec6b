using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

/// <summary>Section C (constants) and K (keys) of the vectors file.</summary>
public sealed class ConstantsTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("Exchange", "0xddd112a261429abc594f5771eb08d7fa47bff456b2e5f1a47907b78573e33d96")]
    [InlineData("1", "0xc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6")]
    [InlineData("a", "0x3ac225168df54212a25c1c01fd35bebfea408fdac2e31ddd6f80a4bbf9a5f1cb")]
    [InlineData("b", "0xb5553de315e0edf504d9150af82dafa5c4667fa618ed0a6f19c69b41166c5510")]
    [InlineData("HyperliquidSignTransaction", "0xd62ecaba1acbb226fb1e4a55c35578def65215fb7124eae9b354f5c086ced52f")]
    [InlineData("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f")]
    [InlineData("Agent(string source,bytes32 connectionId)", "0x26f05c2f7239b6983075e58321292d77b3aa173d19b27257ac96ab362570f508")]
    public void Hash_KnownString_IsKeccakNotSha3(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak.Hash(text)));

    [Theory]
    [InlineData("Exchange", 1337, "0xd79297fcdf2ffcd4ae223d01edaa2ba214ff8f401d7c9300d995d17c82aa4040")]
    [InlineData("HyperliquidSignTransaction", 421614, "0xfeb1393ca4412a4ca577bd51d04f0a77033514c602f4d0a11490fb95f7428df6")]
    [InlineData("HyperliquidSignTransaction", 42161, "0x2f54e643b38c9c2b65cb731aaf11c54f01705ee0cdf45aea16e2ac0a5ce7531a")]
    public void DomainSeparator_KnownDomain_MatchesVector(string name, int chainId, string expected) =>
        Assert.Equal(expected, Hex.Encode(Eip712.DomainSeparator(name, "1", chainId)));

    [Theory]
    [InlineData("usdSend", "0xc7410964737e2180e258d649f23f74a49460432fecbd94688103ecc63fb66b4c")]
    [InlineData("withdraw3", "0xdbde952fa0de88158fc71336e44c61876611a2a65553bebd4d52b44a2a000d9a")]
    [InlineData("spotSend", "0xd6d9472f429b5debb4cc4702fa9925e621498472a979f2581553dd007e273983")]
    [InlineData("usdClassTransfer", "0x7a3eebb1997d2e459472886f8cf9829a79b1b00c72a06c9fe015c91299aecd43")]
    [InlineData("approveAgent", "0x4464abf6148f115d79362d98320081aa2ae8a5c840083cb65820bffc21394378")]
    [InlineData("approveBuilderFee", "0x461684eab6dcdfdd79c6250648d41a1abe3c826ceab6c513fc4f30156f233ad3")]
    [InlineData("sendAsset", "0x5f7cf397b977b076f0fbb993badfc7dd11bd71461a3d076c0940eff5f91ac849")]
    public void TypeHash_UserSignedType_MatchesVector(string actionType, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak.Hash(UserSignedType.ByActionType[actionType].EncodeType())));

    [Theory]
    [InlineData("0x0123456789012345678901234567890123456789012345678901234567890123", "0x14791697260e4c9a71f18484c9f997b308e59325")]
    [InlineData("e908f86dbb4d55ac876378565aafeabc187f6690f046459397b17d9b9a19688e", "0xcd49bbac6e85fdeb167eb7ca41a945d2b8758f6f")]
    [InlineData("0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff", "0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901")]
    public void Address_TestKey_MatchesDerivedAddress(string key, string address)
    {
        using var parsed = HyperliquidPrivateKey.Parse(key);

        Assert.Equal(address, parsed.Address);
        Assert.DoesNotContain(key.Replace("0x", "", StringComparison.Ordinal), parsed.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
