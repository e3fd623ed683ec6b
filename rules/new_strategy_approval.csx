// NEW_STRATEGY_APPROVAL: approve a paper-trading candidate when its backtest Sharpe >= min_backtest_sharpe and it has
// paper-traded for at least min_paper_trading_days days with at least min_paper_trades closed trades (when the paper stage
// reports its trades: a strategy that never traded in paper has shown nothing); otherwise reject. Confidence drops when
// paper results disagree.
// Written for speed (one pass without LINQ, thresholds formatted once, the reasoning appended into one buffer).
var minSharpe = Context.Threshold("min_backtest_sharpe");
var minDays = Context.Threshold("min_paper_trading_days");
var minSharpeText = minSharpe.ToString();
var minDaysText = minDays.ToString();
var minTrades = Context.Thresholds.GetOrDefault("min_paper_trades", 1); // older thresholds.json files lack it
var approved = new List<string>();
var rejected = new List<string>();
var notes = new System.Text.StringBuilder(512);
var confidence = 0.95;
foreach (var s in Context.Strategies)
{
    if (s.Stage != StrategyStage.Paper) continue;
    var bt = s.Backtest?.Sharpe ?? double.NegativeInfinity;
    var days = s.Paper?.Days ?? 0;
    var trades = s.Paper?.Trades;
    if (notes.Length > 0) notes.Append("; ");
    if (trades is int t && t < minTrades)
    {
        rejected.Add(s.Id);
        notes.Append($"{s.Id}: {t} paper trades (min {minTrades}) in {days} paper days");
    }
    else if (bt >= minSharpe && days >= minDays)
    {
        approved.Add(s.Id);
        notes.Append($"{s.Id}: backtest Sharpe {bt:0.##} >= {minSharpeText}, {days} paper days >= {minDaysText}");
        if (s.Paper!.Sharpe < 0) { confidence = Math.Min(confidence, 0.75); notes.Append($"; {s.Id}: but paper Sharpe {s.Paper.Sharpe:0.##} < 0"); }
    }
    else
    {
        rejected.Add(s.Id);
        notes.Append($"{s.Id}: backtest Sharpe {bt:0.##} (min {minSharpeText}), {days} paper days (min {minDaysText})");
    }
}
return Decide.Approve(approved, rejected, confidence, notes.Length == 0 ? "no candidates" : notes.ToString(), Urgency.Low,
    ("candidates", approved.Count + rejected.Count));
