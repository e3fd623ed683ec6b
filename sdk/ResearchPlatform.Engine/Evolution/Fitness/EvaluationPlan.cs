using System.Globalization;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// What to evaluate a batch on: the dataset, the cost model, the windows (results come back aligned with them) and the
/// thread budget. <see cref="Key"/> identifies the plan in fitness-cache keys.
/// </summary>
/// <param name="DatasetKey">Identifies the bars, e.g. "BTC/USDT 1h 45024 bars sha:...".</param>
/// <param name="CostModelKey">Identifies the cost model, e.g. "hyperliquid taker 4.5bp + slippage 1bp".</param>
/// <param name="Windows">Windows to backtest each individual on.</param>
/// <param name="Purpose">Generation or hold-out.</param>
/// <param name="Threads">Worker threads the evaluator may use (1 = sequential).</param>
internal sealed record EvaluationPlan(string DatasetKey, string CostModelKey, IReadOnlyList<EvaluationWindow> Windows, EvaluationPurpose Purpose, int Threads)
{
    private string? _key;

    /// <summary>Dataset + cost model + windows: equal keys mean equal results for equal individuals.</summary>
    public string Key => _key ??= DatasetKey + "|" + CostModelKey + "|" + string.Join(
        ' ',
        Windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Role}{w.Fold}{w.Bars}")));

    /// <summary>Bars backtested per individual (sum of window lengths), for steps-per-second figures.</summary>
    public long BarsPerIndividual => Windows.Sum(w => (long)w.Bars.Length);
}
