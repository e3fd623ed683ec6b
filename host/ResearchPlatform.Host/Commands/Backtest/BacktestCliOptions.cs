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

    public Option<string> Fill { get; } = new Option<string>("--fill") { Description = "next-open (default) or close", DefaultValueFactory = _ => "next-open" }.AcceptOnlyFromAmong("next-open", "close");

    public Option<string> Direction { get; } = new Option<string>("--direction") { Description = "long-short (default), long-only or short-only", DefaultValueFactory = _ => "long-short" }
        .AcceptOnlyFromAmong("long-short", "long-only", "short-only");

    public Option<string> Size { get; } = new Option<string>("--size") { Description = "fraction (default: of equity), whole-units (floored), fixed-units (see --units)", DefaultValueFactory = _ => "fraction" }
        .AcceptOnlyFromAmong("fraction", "whole-units", "fixed-units");

    public Option<double> Units { get; } = new("--units") { Description = "Units at full target for --size fixed-units", DefaultValueFactory = _ => 1 };

    public Option<double> Cash { get; } = new("--cash") { Description = "Initial cash", DefaultValueFactory = _ => 10_000 };

    public Option<double> FeeBps { get; } = new("--fee-bps") { Description = "Taker fee, bps of traded notional (default 4.5, Hyperliquid taker)", DefaultValueFactory = _ => 4.5 };

    public Option<double> MakerFeeBps { get; } = new("--maker-fee-bps") { Description = "Maker fee for take-profit fills, bps (default 1.5)", DefaultValueFactory = _ => 1.5 };

    public Option<double> SlippageBps { get; } = new("--slippage-bps") { Description = "Slippage, bps of the fill price (default 0)" };

    public Option<double> SlippageRange { get; } = new("--slippage-range") { Description = "Extra slippage as a fraction of the fill bar's high-low range (default 0)" };

    public Option<double> StopLoss { get; } = new("--stop-loss-pct") { Description = "Stop-loss, % from entry (0 = off)" };

    public Option<double> TakeProfit { get; } = new("--take-profit-pct") { Description = "Take-profit, % from entry (0 = off)" };

    public Option<double> Trailing { get; } = new("--trailing-stop-pct") { Description = "Trailing stop, % from the best price since entry (0 = off)" };

    public Option<string> ExitAtEnd { get; } = new Option<string>("--exit-at-end") { Description = "last-close (default), last-open or none (mark to market)", DefaultValueFactory = _ => "last-close" }
        .AcceptOnlyFromAmong("last-open", "last-close", "none");

    public Option<string> Statistics { get; } = new Option<string>("--statistics") { Description = "full (default) or trades (skip per-bar Sharpe/drawdown statistics)", DefaultValueFactory = _ => "full" }
        .AcceptOnlyFromAmong("full", "trades");

    public Option<string?> Risk { get; } = new("--risk") { Description = "Run with the risk manager in the loop: a risk genome id from the plugin catalog (default, conservative, aggressive); breakers, level changes and rejected/resized orders are reported (stop options are not allowed with it)" };

    public Option<string[]> RiskGenes { get; } = new("--risk-gene") { Description = "Risk gene override name=value (repeatable), with --risk", AllowMultipleArgumentsPerToken = false };

    public Option<string?> RiskConfig { get; } = new("--risk-config") { Description = "Risk configuration JSON, with --risk: e.g. {\"regime\": {\"classifier\": \"volatility\"}} (keys: regime.classifier = composite | volatility | fear_greed)" };

    public Option<string?> RegimeClassifier { get; } = new("--regime-classifier") { Description = "With --risk: regime classifier (composite | volatility | fear_greed); overrides regime.classifier of --risk-config" };

    public Option<bool> Save { get; } = new("--save") { Description = "Store the run, its metrics, trades and equity curve in the workspace database" };

    public Option<bool> ShowTrades { get; } = new("--trades") { Description = "Also print the trade list (in --json: a \"trade_list\" array)" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public IEnumerable<Option> All =>
    [
        Symbol, Interval, Data, Seed, Genes, From, To, Fill, Direction, Size, Units, Cash, FeeBps, MakerFeeBps, SlippageBps, SlippageRange,
        StopLoss, TakeProfit, Trailing, ExitAtEnd, Statistics, Risk, RiskGenes, RiskConfig, RegimeClassifier, Save, ShowTrades, Json,
    ];

    /// <summary>The engine options from the parsed values (validated by the engine; errors name the field).</summary>
    public BacktestOptions ToOptions(ParseResult p) => new()
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
