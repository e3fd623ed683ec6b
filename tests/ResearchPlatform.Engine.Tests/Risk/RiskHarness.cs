using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk;

/// <summary>A risk manager on a manual clock with helpers to feed bars.</summary>
internal sealed class RiskHarness
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public RiskHarness(RiskGenome? genome = null, RiskManagerOptions? options = null)
    {
        Time = new ManualTimeProvider(Start);
        Manager = new RiskManager(genome ?? new RiskGenome(), Time, options);
    }

    public ManualTimeProvider Time { get; }

    public RiskManager Manager { get; }

    public static PortfolioSnapshot Portfolio(double equity, params PositionSnapshot[] positions) => new(equity, positions);

    public RiskUpdate Bar(double equity, MarketState? market = null, IReadOnlyDictionary<string, double>? returns = null, params PositionSnapshot[] positions) =>
        Manager.OnBar(Portfolio(equity, positions), market ?? MarketState.Unknown, returns);

    public static MarketState Market(double volPercentile = double.NaN, double? fearGreed = null, MarketRegime regime = MarketRegime.Sideways) =>
        new(volPercentile, fearGreed, regime);
}
