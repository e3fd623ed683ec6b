namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Records nothing (batch path).</summary>
internal struct NullRecorder : ITradeRecorder
{
    public readonly bool Enabled => false;

    public readonly void OnTrade(int entryBar, double entryPrice, int exitBar, double exitPrice, double units, double pnl, double returnFraction, double fees, ExitReason reason)
    {
    }

    public readonly void OnMark(int bar, double equity)
    {
    }
}
