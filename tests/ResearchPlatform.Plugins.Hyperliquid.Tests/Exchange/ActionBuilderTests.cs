using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Hyperliquid.Wire;
using ResearchPlatform.Plugins.Hyperliquid.Exchange;
using ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Exchange;

/// <summary>The adapter's action builder reproduces the official vectors' actions byte for byte.</summary>
public sealed class ActionBuilderTests
{
    [Theory]
    [InlineData("P3 Mainnet", null, null)]
    [InlineData("P4 Mainnet", "0x00000000000000000000000000000001", null)]
    [InlineData("P6 Mainnet", null, "sl")]
    public void Order_VectorOrder_HashesToTheVectorConnectionId(string vector, string? cloid, string? tpsl)
    {
        var wire = tpsl is null
            ? new OrderWire(1, true, 100m, 100m, false, "Gtc", Cloid: cloid)
            : new OrderWire(1, true, 100m, 100m, false, null, true, 103m, tpsl, cloid);

        var action = ActionBuilder.Order([wire]);

        Assert.Equal(L1Vectors.Get(vector).ActionJson, action.ToJsonString());
        Assert.Equal(L1Vectors.Get(vector).ConnectionId, Hex.Encode(L1ActionSigner.ActionHash(action, 0, null, null)));
    }

    [Fact]
    public void Order_P1PhantomAgentOrder_FormatsSizeAndPriceLikeTheSdk()
    {
        var action = ActionBuilder.Order([new OrderWire(4, true, 1670.1m, 0.0147m, false, "Ioc")]);

        Assert.Equal("0x0fcbeda5ae3c4950a548021552a4fea2226858c4453571bf3f24ba017eac2908",
            Hex.Encode(L1ActionSigner.ActionHash(action, 1677777606040, null, null)));
    }

    [Fact]
    public void ScheduleCancel_WithAndWithoutTime_MatchesP9AndP10()
    {
        Assert.Equal(L1Vectors.Get("P9 Mainnet").Msgpack, Convert.ToHexStringLower(ActionMsgpack.Encode(ActionBuilder.ScheduleCancel(null))));
        Assert.Equal(L1Vectors.Get("P10 Mainnet").Msgpack, Convert.ToHexStringLower(ActionMsgpack.Encode(ActionBuilder.ScheduleCancel(123456789))));
    }

    [Fact]
    public void CancelAndModify_KeyOrders_AreCanonical()
    {
        Assert.Equal("""{"type":"cancel","cancels":[{"a":3,"o":82382}]}""", ActionBuilder.Cancel(3, 82382).ToJsonString());
        Assert.Equal("""{"type":"cancelByCloid","cancels":[{"asset":3,"cloid":"0xabcdef00000000000000000000000001"}]}""",
            ActionBuilder.CancelByCloid(3, "0xABCDEF00000000000000000000000001").ToJsonString());
        Assert.Equal("""{"type":"batchModify","modifies":[{"oid":7,"order":{"a":0,"b":false,"p":"30000","s":"0.001","r":true,"t":{"limit":{"tif":"Alo"}}}}]}""",
            ActionBuilder.BatchModify(7, new OrderWire(0, false, 30000m, 0.001m, true, "Alo")).ToJsonString());
        Assert.Equal("""{"type":"updateIsolatedMargin","asset":1,"isBuy":true,"ntli":-1500000}""", ActionBuilder.UpdateIsolatedMargin(1, true, -1.5m).ToJsonString());
        Assert.Equal("""{"type":"updateLeverage","asset":1,"isCross":false,"leverage":5}""", ActionBuilder.UpdateLeverage(1, false, 5).ToJsonString());
    }

    [Fact]
    public void Cloids_ClientOrderId_IsStableSixteenBytesOrPassedThrough()
    {
        var a = Cloids.FromClientOrderId("O-00000001");

        Assert.Equal(a, Cloids.FromClientOrderId("O-00000001"));
        Assert.NotEqual(a, Cloids.FromClientOrderId("O-00000002"));
        Assert.True(Cloids.IsCloid(a));
        Assert.Equal("0x0000000000000000000000000000000a", Cloids.FromClientOrderId("0x0000000000000000000000000000000A"));
    }
}
