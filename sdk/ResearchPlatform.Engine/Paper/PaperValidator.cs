using ResearchPlatform.Engine.Backtesting;

namespace ResearchPlatform.Engine.Paper;

/// <summary>Compares a backtest's trades with a replay's (see <see cref="PaperValidationReport"/>).</summary>
internal static class PaperValidator
{
    public static PaperValidationReport Compare(IReadOnlyList<Trade> kernel, PaperStrategyResult replay)
    {
        var byKey = new Dictionary<(int, int, int), PaperTrade>();
        foreach (var t in replay.Trades)
        {
            byKey.TryAdd((t.EntryBar, t.ExitBar, Math.Sign(t.Quantity)), t);
        }

        decimal kernelPnl = 0, fees = 0, price = 0, quantity = 0, unmatchedKernel = 0;
        var matchedReplay = new HashSet<PaperTrade>();
        foreach (var k in kernel)
        {
            var kPnl = (decimal)k.Pnl;
            kernelPnl += kPnl;
            if (!byKey.TryGetValue((k.EntryBar, k.ExitBar, Math.Sign(k.Units)), out var p) || !matchedReplay.Add(p))
            {
                unmatchedKernel += kPnl;
                continue;
            }

            var kq = (decimal)k.Units;
            var kMove = (decimal)k.ExitPrice - (decimal)k.EntryPrice;
            var pMove = p.ExitPrice - p.EntryPrice;
            fees += (decimal)k.Fees - p.Fees;
            quantity += (p.Quantity - kq) * kMove;
            price += p.Quantity * (pMove - kMove);
        }

        var replayPnl = replay.Trades.Sum(t => t.Pnl);
        var unmatchedReplay = replay.Trades.Where(t => !matchedReplay.Contains(t)).Sum(t => t.Pnl);
        var diff = replayPnl - kernelPnl;
        var unmatched = unmatchedReplay - unmatchedKernel;
        return new PaperValidationReport(
            replay.Strategy.Name,
            kernel.Count,
            replay.Trades.Count,
            matchedReplay.Count,
            kernelPnl,
            replayPnl,
            diff,
            fees,
            price,
            quantity,
            unmatched,
            diff - fees - price - quantity - unmatched,
            replay.Performance.AvgLatencyMs,
            replay.Performance.PartialFills);
    }
}
