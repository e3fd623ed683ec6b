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
        var oos = new MetricsView(0.03, 0.7, 0.2, 5, null);
        IReadOnlyList<DeploymentPool.Stored> pool =
        [
            new(Deployed("s-retired", DeploymentStage.Retired, new StrategyPerformance(-1.1, -0.05, 0.08, 12)), new MetricsView(-0.12, -0.4, 0.3, 9, null), oos),
            new(Deployed("l-7", DeploymentStage.Live, null), null, null),
            new(Deployed("s-candidate", DeploymentStage.Candidate, null), null, null),
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
        Assert.Same(oos, retired.OutOfSample);
        Assert.Equal(21, retired.Genes["fast"]);
        Assert.Empty(retired.EquityCurve);
    }

    [Fact]
    public void Merge_EmptyStore_ReturnsTheTradedRowsUnchanged()
    {
        IReadOnlyList<StrategyView> traded = [new("a", "momentum", "seeds@1", new Dictionary<string, double>(), "paper", false, null, null, null, [])];
        Assert.Equal(traded, DeploymentPool.Merge(traded, []));
    }

    [Theory]
    [InlineData("run:evo-0001#3", "evo-0001", 3)]
    [InlineData("run:a#b#12", "a#b", 12)]
    [InlineData("manual", null, 0)]
    [InlineData("run:evo-0001", null, 0)]
    [InlineData("run:evo-0001#x", null, 0)]
    [InlineData("run:#-1", null, 0)]
    public void RunEntry_ParsesRunAndRank(string source, string? run, int rank)
    {
        var parsed = DeploymentPool.RunEntry(source);
        Assert.Equal(run, parsed?.Run);
        Assert.Equal(rank, parsed?.Rank ?? 0);
    }

    private static DeployedStrategy Deployed(string id, DeploymentStage stage, StrategyPerformance? paper) =>
        new(id, "momentum", "seeds@1", """{"fast":21,"slow":80}""", "run:evo-0001#1", stage, 0, T0, new StrategyPerformance(0.5, 0.1, 0.1, 0), paper, null);
}
