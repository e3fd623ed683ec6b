// TRADING_SESSION_OPTIMIZATION: trade all sessions in calm trending regimes; in high volatility or crisis trade only the
// liquid Europe/US overlap at reduced size with stronger signals; in sideways markets demand stronger signals.
var hv = Context.Threshold("high_volatility_threshold");
var adj = Context.Threshold("position_size_adjustment");
var vol = Context.Risk.Volatility;
var regime = Context.Regime.ToLowerInvariant();
if (vol > hv || regime is "high_volatility" or "crisis")
    return Decide.Sessions(new[] { "europe", "us" }, adj, 0.7, 0.85,
        $"regime {regime}, volatility {vol:P1} (threshold {hv:P1}): liquid sessions only, size x{adj}", Urgency.Medium, ("volatility", vol));
if (regime is "sideways")
    return Decide.Sessions(new[] { "asia", "europe", "us" }, 1.0, 0.6, 0.8, "sideways regime: all sessions, stronger signals only", Urgency.Low, ("volatility", vol));
return Decide.Sessions(new[] { "asia", "europe", "us" }, 1.0, 0.5, 0.92, $"regime {regime}, volatility {vol:P1}: all sessions, normal size", Urgency.Low, ("volatility", vol));
