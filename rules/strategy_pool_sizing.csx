// STRATEGY_POOL_SIZING: base pool = capital / 1000 * base_strategies_per_1k_capital, then adjusted up or down by
// performance_adjustment according to the average live Sharpe (> 1 grow, < 0 shrink), clamped to [min, max].
// Written for speed: one pass over the pool without LINQ or a list.
var perK = Context.Threshold("base_strategies_per_1k_capital");
var adj = Context.Threshold("performance_adjustment");
var liveCount = 0;
var sharpeSum = 0.0;
foreach (var s in Context.Strategies)
{
    if (s.Stage == StrategyStage.Live && s.Live != null) { liveCount++; sharpeSum += s.Live.Sharpe; }
}
var avgSharpe = liveCount == 0 ? 0.0 : sharpeSum / liveCount;
var factor = avgSharpe > 1.0 ? 1 + adj : avgSharpe < 0 ? 1 - adj : 1.0;
var size = (int)Math.Floor(Context.Capital / 1000.0 * perK * factor);
size = Math.Clamp(size, (int)Context.Threshold("min_pool_size"), (int)Context.Threshold("max_pool_size"));
var confidence = liveCount >= 3 ? 0.95 : liveCount > 0 ? 0.8 : 0.6;
return Decide.PoolSize(size, confidence,
    $"capital {Context.Capital:0} -> {Context.Capital / 1000.0 * perK:0.##} base, avg live Sharpe {avgSharpe:0.##} over {liveCount} strategies -> x{factor:0.##}",
    Urgency.Low, ("capital", Context.Capital), ("avg_live_sharpe", avgSharpe), ("live_strategies", liveCount));
