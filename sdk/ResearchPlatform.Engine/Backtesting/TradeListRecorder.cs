using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Records lane 0's trades and equity curve for a single backtest.</summary>
internal struct TradeListRecorder : ITradeRecorder
{
    private readonly BarSeries _bars;
    private readonly List<Trade> _trades;
    private readonly double[] _equity;
    private readonly int _start;

    public TradeListRecorder(BarSeries bars, BarRange range)
    {
        _bars = bars;
        _trades = [];
        _equity = new double[range.Length];
        _start = range.Start;
    }

    public readonly bool Enabled => true;

    public readonly List<Trade> Trades => _trades;

    public readonly double[] Equity => _equity;

    public readonly void OnTrade(int entryBar, double entryPrice, int exitBar, double exitPrice, double units, double pnl, double returnFraction, double fees, ExitReason reason) =>
        _trades.Add(new Trade(entryBar, _bars.TimeAt(entryBar), entryPrice, exitBar, _bars.TimeAt(exitBar), exitPrice, units, pnl, returnFraction * 100, fees, reason));

    public readonly void OnMark(int bar, double equity) => _equity[bar - _start] = equity;
}
