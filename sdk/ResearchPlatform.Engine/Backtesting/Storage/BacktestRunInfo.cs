namespace ResearchPlatform.Engine.Backtesting.Storage;

/// <summary>What identifies a saved backtest besides its result.</summary>
/// <param name="Seed">Seed type id.</param>
/// <param name="SeedVersion">Version tag of the plugin that produced the signals.</param>
/// <param name="GenesJson">Gene values as a JSON object (name → value).</param>
/// <param name="Symbol">Symbol of the series.</param>
/// <param name="Interval">Interval code of the series.</param>
/// <param name="Source">Where the bars came from (file path or "workspace").</param>
/// <param name="OptionsJson">The backtest options as JSON.</param>
/// <param name="MetricsJson">The metrics as JSON.</param>
public sealed record BacktestRunInfo(string Seed, string SeedVersion, string GenesJson, string Symbol, string Interval, string Source, string OptionsJson, string MetricsJson);
