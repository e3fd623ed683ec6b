using System.Globalization;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// Every option of a backtest. Percent and basis-point fields are given as such (5 = 5 %, 4.5 = 4.5 bps); 0 disables a
/// stop. Conventions (fills, costs, stops, end of data) are written in docs/backtesting.md.
/// </summary>
public sealed record BacktestOptions
{
    /// <summary>Execution time of a decision (default next open).</summary>
    public FillMode Fill { get; init; } = FillMode.NextOpen;

    /// <summary>Position sizing (default fraction of equity).</summary>
    public SizingMode Sizing { get; init; } = SizingMode.Fraction;

    /// <summary>Units at |target| = 1 for <see cref="SizingMode.FixedUnits"/>.</summary>
    public double Units { get; init; } = 1;

    /// <summary>Which sides are traded.</summary>
    public TradeDirection Direction { get; init; } = TradeDirection.LongShort;

    /// <summary>Starting cash of every backtest (and of every window).</summary>
    public double InitialCash { get; init; } = 10_000;

    /// <summary>Taker fee in bps of traded notional (default Hyperliquid taker, 4.5). Market fills and stops pay it.</summary>
    public double FeeBps { get; init; } = 4.5;

    /// <summary>Maker fee in bps (default Hyperliquid maker, 1.5): paid by take-profit fills, which rest as limit orders.</summary>
    public double MakerFeeBps { get; init; } = 1.5;

    /// <summary>Slippage in bps of the fill price, against the trader, on market and stop fills.</summary>
    public double SlippageBps { get; init; }

    /// <summary>Extra slippage as a fraction of the fill bar's range (high - low), against the trader.</summary>
    public double SlippageRangeFraction { get; init; }

    /// <summary>Stop-loss distance in percent of the entry price (0 = off).</summary>
    public double StopLossPct { get; init; }

    /// <summary>Take-profit distance in percent of the entry price (0 = off).</summary>
    public double TakeProfitPct { get; init; }

    /// <summary>Trailing-stop distance in percent of the best price since entry (0 = off).</summary>
    public double TrailingStopPct { get; init; }

    /// <summary>What happens to an open position at the end (default: close at the last close).</summary>
    public EndOfDataMode ExitAtEnd { get; init; } = EndOfDataMode.LastClose;

    /// <summary>
    /// Which statistics are computed (default all). <see cref="StatisticsLevel.Trades"/> skips the per-bar equity
    /// statistics (volatility, Sharpe, Sortino, Calmar, drawdown: reported as NaN) for searches that rank by PnL or
    /// trade statistics only; positions, trades, fees and final equity are identical at both levels.
    /// </summary>
    public StatisticsLevel Statistics { get; init; } = StatisticsLevel.Full;

    /// <summary>
    /// Optional funding rate per bar (fraction of notional, one value per bar of the series, 0 where no funding is
    /// charged): at a bar's close a position of q units pays <c>q × close × rate</c> (longs pay positive rates).
    /// </summary>
    public IReadOnlyList<double>? FundingRates { get; init; }

    /// <summary>Every invalid field at once (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(InitialCash), InitialCash, v => v > 0, "must be > 0");
        Check(errors, nameof(Units), Units, v => v > 0, "must be > 0");
        Check(errors, nameof(FeeBps), FeeBps, v => v is >= 0 and < 10_000, "must be in [0, 10000)");
        Check(errors, nameof(MakerFeeBps), MakerFeeBps, v => v is > -10_000 and < 10_000, "must be in (-10000, 10000)");
        Check(errors, nameof(SlippageBps), SlippageBps, v => v is >= 0 and < 10_000, "must be in [0, 10000)");
        Check(errors, nameof(SlippageRangeFraction), SlippageRangeFraction, v => v is >= 0 and <= 1, "must be in [0, 1]");
        Check(errors, nameof(StopLossPct), StopLossPct, v => v is >= 0 and < 100, "must be in [0, 100)");
        Check(errors, nameof(TakeProfitPct), TakeProfitPct, v => v >= 0, "must be >= 0");
        Check(errors, nameof(TrailingStopPct), TrailingStopPct, v => v is >= 0 and < 100, "must be in [0, 100)");
        if (!Enum.IsDefined(Fill) || !Enum.IsDefined(Sizing) || !Enum.IsDefined(Direction) || !Enum.IsDefined(ExitAtEnd) || !Enum.IsDefined(Statistics))
        {
            errors.Add("an enum option has an undefined value");
        }

        if (FundingRates is { } f)
        {
            for (var i = 0; i < f.Count; i++)
            {
                if (!double.IsFinite(f[i]))
                {
                    errors.Add($"{nameof(FundingRates)}[{i}] = {f[i].ToString(CultureInfo.InvariantCulture)} is not finite");
                    break;
                }
            }
        }

        return errors;
    }

    private static void Check(List<string> errors, string name, double value, Func<double, bool> ok, string rule)
    {
        if (!double.IsFinite(value) || !ok(value))
        {
            errors.Add($"{name} = {value.ToString(CultureInfo.InvariantCulture)} {rule}");
        }
    }
}
