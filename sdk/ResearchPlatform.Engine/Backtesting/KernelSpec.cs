namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Options turned into the constants the kernel uses, plus the bar columns.</summary>
internal sealed class KernelSpec
{
    public KernelSpec(BacktestOptions o, double[] open, double[] high, double[] low, double[] close)
    {
        Open = open;
        High = high;
        Low = low;
        Close = close;
        NextOpen = o.Fill == FillMode.NextOpen;
        Sizing = o.Sizing;
        Units = o.Units;
        Direction = o.Direction;
        Cash0 = o.InitialCash;
        FeeRate = o.FeeBps / 10_000;
        MakerRate = o.MakerFeeBps / 10_000;
        SlipRate = o.SlippageBps / 10_000;
        SlipRange = o.SlippageRangeFraction;
        Sl = o.StopLossPct / 100;
        Tp = o.TakeProfitPct / 100;
        Trail = o.TrailingStopPct / 100;
        EndMode = o.ExitAtEnd;
        FullStatistics = o.Statistics == StatisticsLevel.Full;
        if (o.FundingRates is { } f)
        {
            if (f.Count != close.Length)
            {
                throw new ArgumentException($"FundingRates has {f.Count} values, the series has {close.Length} bars");
            }

            Funding = f.ToArray();
        }
    }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[]? Funding { get; }

    public bool NextOpen { get; }

    public SizingMode Sizing { get; }

    public double Units { get; }

    public TradeDirection Direction { get; }

    public double Cash0 { get; }

    public double FeeRate { get; }

    public double MakerRate { get; }

    public double SlipRate { get; }

    public double SlipRange { get; }

    public double Sl { get; }

    public double Tp { get; }

    public double Trail { get; }

    public EndOfDataMode EndMode { get; }

    public bool FullStatistics { get; }

    public bool HasStops => Sl > 0 || Tp > 0 || Trail > 0;

    /// <summary>Slippage in price units for a fill at <paramref name="price"/> on bar <paramref name="t"/>.</summary>
    public double Slip(int t, double price) => (price * SlipRate) + (SlipRange * (High[t] - Low[t]));
}
