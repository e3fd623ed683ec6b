// STRATEGY_RETIREMENT: retire a live strategy whose Sharpe has been negative for negative_sharpe_days days or more,
// or whose live drawdown exceeds max_drawdown_threshold.
var days = Context.Threshold("negative_sharpe_days");
var maxDd = Context.Threshold("max_drawdown_threshold");
var retire = new List<string>();
var why = new List<string>();
foreach (var s in Context.InStage(StrategyStage.Live))
{
    Cancellation.ThrowIfCancellationRequested();
    if (s.Live is null) continue;
    if (s.Live.NegativeSharpeDays >= days) { retire.Add(s.Id); why.Add($"{s.Id}: negative Sharpe {s.Live.NegativeSharpeDays} days >= {days}"); }
    else if (s.Live.MaxDrawdown > maxDd) { retire.Add(s.Id); why.Add($"{s.Id}: drawdown {s.Live.MaxDrawdown:P1} > {maxDd:P1}"); }
}
var reasoning = retire.Count == 0 ? "no live strategy breaches the retirement thresholds" : string.Join("; ", why);
return Decide.Retire(retire, 0.92, reasoning, retire.Count == 0 ? Urgency.Low : Urgency.High, ("retired", retire.Count));
