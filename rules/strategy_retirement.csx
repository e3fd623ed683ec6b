// STRATEGY_RETIREMENT: retire a live strategy whose Sharpe has been negative for negative_sharpe_days days or more,
// or whose live drawdown exceeds max_drawdown_threshold.
// Written for speed (this rule runs on every decision, p99 target 50 us): one pass over the pool without LINQ, each
// threshold formatted once, and the reasoning appended into one buffer instead of a string per strategy.
var days = Context.Threshold("negative_sharpe_days");
var maxDd = Context.Threshold("max_drawdown_threshold");
var daysText = days.ToString();
var maxDdText = maxDd.ToString("P1");
var retire = new List<string>(Context.Strategies.Count);
var why = new System.Text.StringBuilder(512);
foreach (var s in Context.Strategies)
{
    if (s.Stage != StrategyStage.Live) continue;
    Cancellation.ThrowIfCancellationRequested();
    if (s.Live is null) continue;
    if (s.Live.NegativeSharpeDays >= days) { retire.Add(s.Id); why.Append(why.Length == 0 ? "" : "; ").Append($"{s.Id}: negative Sharpe {s.Live.NegativeSharpeDays} days >= {daysText}"); }
    else if (s.Live.MaxDrawdown > maxDd) { retire.Add(s.Id); why.Append(why.Length == 0 ? "" : "; ").Append($"{s.Id}: drawdown {s.Live.MaxDrawdown:P1} > {maxDdText}"); }
}
var reasoning = retire.Count == 0 ? "no live strategy breaches the retirement thresholds" : why.ToString();
return Decide.Retire(retire, 0.92, reasoning, retire.Count == 0 ? Urgency.Low : Urgency.High, ("retired", retire.Count));
