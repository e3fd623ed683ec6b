using System.CommandLine;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>The options of <c>rp backtest</c> and their mapping to <see cref="BacktestOptions"/>.</summary>
internal sealed class BacktestCliOptions
{
    public Option<string?> Symbol { get; } = new("--symbol") { Description = "Stored symbol (with --interval), e.g. BTC/USDT" };

    public Option<string?> Interval { get; } = new("--interval") { Description = "Stored interval, e.g. 1h (with --data: overrides the inferred one)" };

    public Option<string?> Data { get; } = new("--data") { Description = "Backtest straight from a bar file (freqtrade JSON, Binance/generic CSV, Parquet)" };

    public Option<string> Seed { get; } = new("--seed") { Description = "Seed type id: momentum, mean_reversion, breakout, volatility", Required = true };

    public Option<string[]> Genes { get; } = new("--gene") { Description = "Gene value name=value (repeatable; categorical genes accept the choice name); others take defaults", AllowMultipleArgumentsPerToken = false };

    public Option<string?> From { get; } = new("--from") { Description = "First bar to trade (ISO-8601, UTC); indicators still warm up from the first bar" };

    public Option<string?> To { get; } = new("--to") { Description = "Trade bars opening before this time (ISO-8601, UTC)" };

    public Option<string> Fill { get; } = new Option<string>("--fill") { Description = "When a target decided at bar t's close fills: next-open (the open of bar t+1) or close (bar t's close)", DefaultValueFactory = _ => "next-open" }.AcceptOnlyFromAmong("next-open", "close");

    public Option<string> Direction { get; } = new Option<string>("--direction") { Description = "Sides traded: long-short, long-only or short-only (the other side's targets become flat)", DefaultValueFactory = _ => "long-short" }
        .AcceptOnlyFromAmong("long-short", "long-only", "short-only");

    public Option<string> Size { get; } = new Option<string>("--size") { Description = "Position size: fraction (|target| x equity, fractional units), whole-units (all-in, floored to whole units, as backtesting.py), fixed-units (--units N)", DefaultValueFactory = _ => "fraction" }
        .AcceptOnlyFromAmong("fraction", "whole-units", "fixed-units");

    public Option<double> Units { get; } = new("--units") { Description = "With --size fixed-units: units of the asset held at a full target (|target| = 1); PnL is then in price units", DefaultValueFactory = _ => 1 };

    public Option<double> Cash { get; } = new("--cash") { Description = "Initial cash, in the quote currency of the bars (e.g. USDT)", DefaultValueFactory = _ => 10_000 };

    public Option<double> FeeBps { get; } = new("--fee-bps") { Description = "Taker fee in basis points of traded notional, paid on market fills, stops and end-of-data closes (Hyperliquid taker)", DefaultValueFactory = _ => 4.5 };

    public Option<double> MakerFeeBps { get; } = new("--maker-fee-bps") { Description = "Maker fee in basis points of traded notional, paid by take-profit fills (resting limit orders; Hyperliquid maker)", DefaultValueFactory = _ => 1.5 };

    public Option<double> SlippageBps { get; } = new("--slippage-bps") { Description = "Slippage in basis points of the fill price, against the trader, on market and stop fills", DefaultValueFactory = _ => 0 };

    public Option<double> SlippageRange { get; } = new("--slippage-range") { Description = "Extra slippage as a fraction (0..1) of the fill bar's high - low range, against the trader", DefaultValueFactory = _ => 0 };

    public Option<double> StopLoss { get; } = new("--stop-loss-pct") { Description = "Stop-loss in percent of the entry price, checked against each bar's low/high (0 = off)", DefaultValueFactory = _ => 0 };

    public Option<double> TakeProfit { get; } = new("--take-profit-pct") { Description = "Take-profit in percent of the entry price, checked against each bar's high/low; pays the maker fee (0 = off)", DefaultValueFactory = _ => 0 };

    public Option<double> Trailing { get; } = new("--trailing-stop-pct") { Description = "Trailing stop in percent below the highest high (above the lowest low for shorts) since entry (0 = off)", DefaultValueFactory = _ => 0 };

    public Option<string> ExitAtEnd { get; } = new Option<string>("--exit-at-end") { Description = "An open position at the end: last-close (closed at the last bar's close), last-open (at its open), none (left open, marked to market, not counted as a trade)", DefaultValueFactory = _ => "last-close" }
        .AcceptOnlyFromAmong("last-open", "last-close", "none");

    public Option<string> Statistics { get; } = new Option<string>("--statistics") { Description = "full, or trades (skip the per-bar statistics: volatility, Sharpe, Sortino, Calmar, drawdown print as NaN)", DefaultValueFactory = _ => "full" }
        .AcceptOnlyFromAmong("full", "trades");

    public Option<string?> Risk { get; } = new("--risk") { Description = "Run with the risk manager in the loop: a risk genome id from the plugin catalog (default, conservative, aggressive); breakers, level changes and rejected/resized orders are reported (stop options are not allowed with it)" };

    public Option<string[]> RiskGenes { get; } = new("--risk-gene") { Description = "Risk gene override name=value (repeatable), with --risk", AllowMultipleArgumentsPerToken = false };

    public Option<string?> RiskConfig { get; } = new("--risk-config") { Description = "Risk configuration JSON, with --risk: e.g. {\"regime\": {\"classifier\": \"volatility\"}} (keys: regime.classifier = composite | volatility | fear_greed)" };

    public Option<string?> RegimeClassifier { get; } = new("--regime-classifier") { Description = "With --risk: regime classifier (composite | volatility | fear_greed); overrides regime.classifier of --risk-config" };

    public Option<bool> Save { get; } = new("--save") { Description = "Store the run, its metrics, trades and equity curve in the workspace database" };

    public Option<bool> ShowTrades { get; } = new("--trades") { Description = "Also print the trade list (in --json: a \"trade_list\" array)" };

    public Option<bool> ShowEquity { get; } = new("--equity") { Description = "Also print the equity curve, one row per bar: time and equity at its close (in --json: an \"equity_curve\" array)" };

    public Option<string?> Funding { get; } = new("--funding") { Description = "Funding rates of a perpetual: a Hyperliquid fundingHistory JSON or a CSV time,rate file (rate per funding hour, longs pay positive rates); each bar's close charges the position the rates stamped in (open, close]" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public IEnumerable<Option> All =>
    [
        Symbol, Interval, Data, Seed, Genes, From, To, Fill, Direction, Size, Units, Cash, FeeBps, MakerFeeBps, SlippageBps, SlippageRange,
        StopLoss, TakeProfit, Trailing, ExitAtEnd, Statistics, Risk, RiskGenes, RiskConfig, RegimeClassifier, Save, ShowTrades, ShowEquity, Funding, Json,
    ];

    /// <summary>The CLI flag of each numeric <see cref="BacktestOptions"/> field, so validation errors name what the user typed.</summary>
    private static readonly (string Field, string Flag)[] Flags =
    [
        (nameof(BacktestOptions.InitialCash), "--cash"), (nameof(BacktestOptions.Units), "--units"), (nameof(BacktestOptions.MakerFeeBps), "--maker-fee-bps"),
        (nameof(BacktestOptions.FeeBps), "--fee-bps"), (nameof(BacktestOptions.SlippageBps), "--slippage-bps"), (nameof(BacktestOptions.SlippageRangeFraction), "--slippage-range"),
        (nameof(BacktestOptions.StopLossPct), "--stop-loss-pct"), (nameof(BacktestOptions.TakeProfitPct), "--take-profit-pct"), (nameof(BacktestOptions.TrailingStopPct), "--trailing-stop-pct"),
    ];

    /// <summary>
    /// The engine options, validated: every invalid value is a <see cref="BadInputException"/> naming its flag, and
    /// --units without --size fixed-units (where it would be ignored) is one too.
    /// </summary>
    public BacktestOptions ToValidOptions(ParseResult p)
    {
        var options = ToOptions(p);
        var errors = options.Validate().Select(ByFlag).ToList();
        if (options.Sizing != SizingMode.FixedUnits && p.GetResult(Units) is { Implicit: false })
        {
            errors.Add($"--units applies only to --size fixed-units (--size is {p.GetValue(Size)})");
        }

        return errors.Count > 0 ? throw new BadInputException(string.Join("; ", errors)) : options;
    }

    private static string ByFlag(string error)
    {
        foreach (var (field, flag) in Flags)
        {
            if (error.StartsWith(field + " ", StringComparison.Ordinal))
            {
                return flag + error[field.Length..];
            }
        }

        return error;
    }

    /// <summary>The engine options from the parsed values (validated by the engine; errors name the field).</summary>
    private BacktestOptions ToOptions(ParseResult p) => new()
    {
        Fill = p.GetValue(Fill) == "close" ? FillMode.Close : FillMode.NextOpen,
        Direction = p.GetValue(Direction) switch
        {
            "long-only" => TradeDirection.LongOnly,
            "short-only" => TradeDirection.ShortOnly,
            _ => TradeDirection.LongShort,
        },
        Sizing = p.GetValue(Size) switch
        {
            "whole-units" => SizingMode.WholeUnits,
            "fixed-units" => SizingMode.FixedUnits,
            _ => SizingMode.Fraction,
        },
        Units = p.GetValue(Units),
        InitialCash = p.GetValue(Cash),
        FeeBps = p.GetValue(FeeBps),
        MakerFeeBps = p.GetValue(MakerFeeBps),
        SlippageBps = p.GetValue(SlippageBps),
        SlippageRangeFraction = p.GetValue(SlippageRange),
        StopLossPct = p.GetValue(StopLoss),
        TakeProfitPct = p.GetValue(TakeProfit),
        TrailingStopPct = p.GetValue(Trailing),
        ExitAtEnd = p.GetValue(ExitAtEnd) switch
        {
            "last-open" => EndOfDataMode.LastOpen,
            "none" => EndOfDataMode.None,
            _ => EndOfDataMode.LastClose,
        },
        Statistics = p.GetValue(Statistics) == "trades" ? StatisticsLevel.Trades : StatisticsLevel.Full,
    };
}
