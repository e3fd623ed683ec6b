// RISK_ADJUSTMENT: when portfolio volatility exceeds high_volatility_threshold, multiply position sizes by
// position_size_adjustment; otherwise keep them (x1).
var hv = Context.Threshold("high_volatility_threshold");
var adj = Context.Threshold("position_size_adjustment");
var vol = Context.Risk.Volatility;
return vol > hv
    ? Decide.RiskMultiplier(adj, 0.93, $"volatility {vol:P1} > {hv:P1}: scale positions x{adj}", Urgency.High, ("volatility", vol))
    : Decide.RiskMultiplier(1.0, 0.95, $"volatility {vol:P1} <= {hv:P1}: no change", Urgency.Low, ("volatility", vol));
