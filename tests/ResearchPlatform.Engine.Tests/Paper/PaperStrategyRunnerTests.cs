using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Paper;

public sealed class PaperStrategyRunnerTests
{
    private static readonly PaperOptions NoCosts = new()
    {
        Sizing = PaperSizing.FixedUnits,
        Units = 1m,
        TakerFeeRate = 0,
        MakerFeeRate = 0,
        SlippageBps = 0,
        ImpactBps = 0,
        ParticipationCap = 1m,
    };

    // close:            100  102  104  101   99   99   98   98
    // momentum(1):        0   +1   +1   -1   -1    0   -1    0
    private static readonly (double O, double C)[] Bars =
        [(100, 100), (100, 102), (103, 104), (104, 101), (100, 99), (99, 99), (98, 98), (97, 98)];

    [Fact]
    public async Task OnBarAsync_PausedThenResumed_NoOrdersWhilePausedThenRebalancesToCurrentSignal()
    {
        var bars = PaperSeries.Of(Bars);
        var runner = await PaperStrategyRunner.CreateAsync(new PaperStrategy("m1", new MomentumTestSeed(), [1]), bars, NoCosts, new MemoryOrderJournal(), "S1", CancellationToken.None);

        for (var i = 0; i < 4; i++)
        {
            await runner.OnBarAsync(i, trade: false, CancellationToken.None); // the +1 signals of bars 1-3 are not acted on
        }

        Assert.Empty(runner.Manager.Orders);
        await runner.OnBarAsync(4, trade: true, CancellationToken.None); // resumed: the signal is -1 now, nothing held

        var order = Assert.Single(runner.Manager.Orders);
        Assert.Equal(OrderSide.Sell, order.Order.Side);
        Assert.Equal(1m, order.Order.Quantity);
        Assert.Equal(99m, order.DecisionPrice);
    }
}
