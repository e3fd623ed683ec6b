using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Wire;

public sealed class ActionMsgpackTests
{
    [Theory]
    [InlineData("10000", "cd2710")]
    [InlineData("82382", "ce000141ce")]
    [InlineData("100000000000", "cf000000174876e800")]
    [InlineData("1700000060000", "cf0000018bcfe65260")]
    [InlineData("-5", "fb")]
    [InlineData("-100", "d09c")]
    [InlineData("127", "7f")]
    [InlineData("200", "ccc8")]
    public void Encode_Integer_UsesMinimalUnsignedFamily(string json, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(ActionMsgpack.Encode(JsonNode.Parse(json))));

    [Fact]
    public void Encode_SixteenOrders_UsesArray16()
    {
        var array = new JsonArray([.. Enumerable.Range(0, 16).Select(i => (JsonNode)JsonValue.Create(i))]);

        Assert.StartsWith("dc0010", Convert.ToHexStringLower(ActionMsgpack.Encode(array)), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Float_ThrowsNamingThePath()
    {
        var e = Assert.Throws<FormatException>(() => ActionMsgpack.Encode(JsonNode.Parse("""{"type":"x","orders":[{"p":100.5}]}""")));

        Assert.Contains("$.orders[0].p", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_KeyOrder_IsPreservedNotSorted()
    {
        var a = ActionMsgpack.Encode(JsonNode.Parse("""{"b":1,"a":2}"""));
        var b = ActionMsgpack.Encode(JsonNode.Parse("""{"a":2,"b":1}"""));

        Assert.Equal("82a16201a16102", Convert.ToHexStringLower(a));
        Assert.NotEqual(a, b);
    }
}
