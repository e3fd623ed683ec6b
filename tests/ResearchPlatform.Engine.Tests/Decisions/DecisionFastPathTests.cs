using System.Globalization;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

/// <summary>
/// The decision path's fast forms against their reference forms on random inputs: buffered decision ids against the
/// former formatting, the memoised thresholds-used map against a plain recomputation, and the single-copy review flag
/// against the routing policy.
/// </summary>
public sealed class DecisionFastPathTests : IDisposable
{
    private readonly RulesFolder _folder = new();
    private readonly RuleSet _rules;

    public DecisionFastPathTests()
    {
        _rules = new RuleSet(_folder.Path);
        _rules.LoadAll();
    }

    public void Dispose()
    {
        _rules.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void New_RandomTimes_TimePartEqualsReferenceFormattingAndRandomPartIsFreshHex()
    {
        var rng = new Random(11);
        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5_000; i++)
        {
            // every 13-digit time, plus times before 1970 and after 2286 that take the general path
            var ms = i % 10 == 0 ? rng.NextInt64(-62_135_596_800_000, 0) : i % 10 == 1 ? rng.NextInt64(10_000_000_000_000, 253_402_300_799_999) : rng.NextInt64(0, 10_000_000_000_000);
            var id = DecisionIds.New(DateTimeOffset.FromUnixTimeMilliseconds(ms));
            var reference = "d" + ms.ToString("D13", CultureInfo.InvariantCulture) + "-";
            Assert.StartsWith(reference, id, StringComparison.Ordinal);
            var suffix = id[reference.Length..];
            Assert.Matches("^[0-9a-f]{12}$", suffix);
            suffixes.Add(suffix);
        }

        Assert.Equal(5_000, suffixes.Count); // 48 random bits each: a repeat in 5,000 ids means the buffer was reused
    }

    [Fact]
    public void New_AcrossBufferRefillsAndThreads_IdsAreDistinct()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 3_000; i++) // > 4 refills of the 4 KiB per-thread buffer
            {
                ids.Add(DecisionIds.New(at));
            }
        });

        Assert.Equal(12_000, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Decide_RandomContextsAndThresholdSets_ThresholdsUsedAndReviewFlagEqualReference()
    {
        var rng = new Random(5);
        var routing = new RoutingPolicy(AutoAbove: 0.94, ReviewAtOrAbove: 0.9);
        var engine = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false, Budget = TimeSpan.FromSeconds(5), Routing = routing });
        var sets = Enumerable.Range(0, 4).Select(_ => RandomThresholds(rng)).Append(_rules.Thresholds).ToArray();
        var fallbacks = 0;
        for (var i = 0; i < 400; i++)
        {
            var type = (DecisionType)rng.Next(Enum.GetValues<DecisionType>().Length);
            var thresholds = sets[rng.Next(sets.Length)]; // the same instances recur, so the memo is hit and replaced
            var context = new DecisionContext
            {
                Capital = rng.NextDouble() * 50_000,
                Risk = new RiskSnapshot(-rng.NextDouble() * 0.1, -rng.NextDouble() * 0.2, rng.NextDouble() * 1.2, rng.NextDouble() * 0.2),
                Strategies = [new StrategySnapshot("s1", StrategyStage.Live, Live: new StrategyPerformance(rng.NextDouble() * 2, 0.1, rng.NextDouble() * 0.3, 30, rng.Next(10)))],
                Thresholds = thresholds,
            };
            var record = engine.Decide(type, context);
            var rule = _rules.Current(type)!;
            var effective = thresholds.Values.Count == 0 ? _rules.Thresholds : thresholds;
            Dictionary<string, double> expected = record.Result.Error is not null
                ? new Dictionary<string, double>() // a fallback (here: the rule named a threshold the set lacks) reports none
                : rule.ThresholdNames.Where(effective.Contains).ToDictionary(n => n, effective.Get, StringComparer.Ordinal);

            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), record.Result.ThresholdsUsed.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(record.Routing != DecisionRouting.AutoExecuted, record.Result.RequiresHumanReview);
            fallbacks += record.Result.Error is null ? 0 : 1;
            Assert.Equal(record.Result.Error is null ? routing.Route(record.Result.Confidence) : DecisionRouting.QueuedForHuman, record.Routing);
        }

        Assert.InRange(fallbacks, 1, 399); // both paths were exercised
    }

    [Fact]
    public void Decide_SharedThresholdsUsedMap_CannotBeModifiedThroughACast()
    {
        var engine = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false });
        var first = engine.Decide(DecisionType.RiskAdjustment, new DecisionContext()).Result.ThresholdsUsed;
        var second = engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 1 }).Result.ThresholdsUsed;

        Assert.Same(first, second);
        var asDictionary = Assert.IsAssignableFrom<IDictionary<string, double>>(first);
        Assert.Throws<NotSupportedException>(() => asDictionary["high_volatility_threshold"] = 99);
        Assert.Equal(0.8, second["high_volatility_threshold"]);
    }

    private static Thresholds RandomThresholds(Random rng)
    {
        string[] names = ["negative_sharpe_days", "max_drawdown_threshold", "high_volatility_threshold", "position_size_adjustment", "daily_loss_threshold", "weekly_loss_threshold", "base_strategies_per_1k_capital", "performance_adjustment", "min_pool_size", "max_pool_size", "min_backtest_sharpe", "min_paper_trading_days"];
        // a random subset: a rule naming a missing threshold falls back, and the map must then hold only the present ones
        return new Thresholds(names.Where(_ => rng.NextDouble() < 0.8).Select(n => new KeyValuePair<string, double>(n, Math.Round(rng.NextDouble() * 10, 2))));
    }
}
