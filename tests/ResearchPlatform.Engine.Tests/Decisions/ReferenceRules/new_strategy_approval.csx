// NEW_STRATEGY_APPROVAL: approve a paper-trading candidate when its backtest Sharpe >= min_backtest_sharpe and it has
// paper-traded for at least min_paper_trading_days days; otherwise reject. Confidence drops when paper results disagree.
var minSharpe = Context.Threshold("min_backtest_sharpe");
var minDays = Context.Threshold("min_paper_trading_days");
var approved = new List<string>();
var rejected = new List<string>();
var notes = new List<string>();
var confidence = 0.95;
foreach (var s in Context.InStage(StrategyStage.Paper))
{
    var bt = s.Backtest?.Sharpe ?? double.NegativeInfinity;
    var days = s.Paper?.Days ?? 0;
    if (bt >= minSharpe && days >= minDays)
    {
        approved.Add(s.Id);
        notes.Add($"{s.Id}: backtest Sharpe {bt:0.##} >= {minSharpe}, {days} paper days >= {minDays}");
        if (s.Paper!.Sharpe < 0) { confidence = Math.Min(confidence, 0.75); notes.Add($"{s.Id}: but paper Sharpe {s.Paper.Sharpe:0.##} < 0"); }
    }
    else
    {
        rejected.Add(s.Id);
        notes.Add($"{s.Id}: backtest Sharpe {bt:0.##} (min {minSharpe}), {days} paper days (min {minDays})");
    }
}
return Decide.Approve(approved, rejected, confidence, notes.Count == 0 ? "no candidates" : string.Join("; ", notes), Urgency.Low,
    ("candidates", approved.Count + rejected.Count));
