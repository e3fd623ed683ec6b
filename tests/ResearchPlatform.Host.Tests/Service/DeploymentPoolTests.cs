using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>The strategy pool of GET /api/strategies: traded strategies take their deployment stage; the store's others follow, not controllable.</summary>
public sealed class DeploymentPoolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_TradedAndStoredStrategies_StagesFromTheStoreAndUntradedRowsNotControllable()
    {
        var paperMetrics = new MetricsView(0.05, 1.2, 0.1, 4, 0.5);
        IReadOnlyList<StrategyView> traded =
        [
            new("momentum-default", "momentum", "seeds@1", new Dictionary<string, double>(), "paper", true, null, null, paperMetrics, []),
            new("L-7", "breakout", "seeds@1", new Dictionary<string, double>(), "paper", true, null, null, null, []),
        ];
        IReadOnlyList<DeployedStrategy> pool =
        [
            Deployed("s-retired", DeploymentStage.Retired, new StrategyPerformance(-0.4, -0.12, 0.3, 30, Trades: 9), new StrategyPerformance(-1.1, -0.05, 0.08, 12)),
            Deployed("l-7", DeploymentStage.Live, null, null),
            Deployed("s-candidate", DeploymentStage.Candidate, new StrategyPerformance(1.5, 0.2, 0.1, 365), null),
        ];

        var rows = DeploymentPool.Merge(traded, pool);

        Assert.Equal(["momentum-default", "L-7", "s-candidate", "s-retired"], rows.Select(r => r.Id).ToArray());
        Assert.Equal(["paper", "live", "candidate", "retired"], rows.Select(r => r.Stage).ToArray());
        Assert.Equal([true, true, false, false], rows.Select(r => r.Controllable).ToArray());
        Assert.Same(paperMetrics, rows[0].Paper);
        var retired = rows[3];
        Assert.False(retired.Running);
        Assert.Equal(new MetricsView(-0.12, -0.4, 0.3, 9, null), retired.Backtest);
        Assert.Equal(new MetricsView(-0.05, -1.1, 0.08, null, null), retired.Paper);
        Assert.Null(retired.OutOfSample);
        Assert.Equal(21, retired.Genes["fast"]);
        Assert.Empty(retired.EquityCurve);
    }

    [Fact]
    public void Merge_EmptyStore_ReturnsTheTradedRowsUnchanged()
    {
        IReadOnlyList<StrategyView> traded = [new("a", "momentum", "seeds@1", new Dictionary<string, double>(), "paper", false, null, null, null, [])];
        Assert.Equal(traded, DeploymentPool.Merge(traded, []));
    }

    private static DeployedStrategy Deployed(string id, DeploymentStage stage, StrategyPerformance? backtest, StrategyPerformance? paper) =>
        new(id, "momentum", "seeds@1", """{"fast":21,"slow":80}""", "run:evo-0001#1", stage, 0, T0, backtest, paper, null);
}
