namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Receives lane 0's trades and equity (single backtests); the batch path uses <see cref="NullRecorder"/>.</summary>
internal interface ITradeRecorder
{
    /// <summary>False for the batch path: the JIT then removes every recording call.</summary>
    bool Enabled { get; }

    void OnTrade(int entryBar, double entryPrice, int exitBar, double exitPrice, double units, double pnl, double returnFraction, double fees, ExitReason reason);

    void OnMark(int bar, double equity);
}
