using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>
/// The market state the risk managers of <c>rp evolve-risk</c> and <c>rp paper</c> see at each bar's close: rolling
/// 20-day realised volatility and its percentile (from the bars' daily closes) and Fear &amp; Greed lagged one day (the
/// value of day d is usable only after d's close), from <c>--fear-greed FILE</c> or the workspace's imported readings
/// (<c>rp data import-fear-greed</c>). With these the volatility and sentiment breakers are active.
/// </summary>
internal static class RiskMarketInputs
{
    /// <summary>The <c>--fear-greed FILE</c> option.</summary>
    public static Option<string?> FearGreedOption() => new("--fear-greed")
    {
        Description = "Fear & Greed file (alternative.me CSV or API JSON) for the sentiment breaker, lagged one day; default: the workspace's imported readings",
    };

    /// <summary>Per-bar states, a key naming their sources (recorded with the run), and the sentiment days available.</summary>
    public static (MarketState[] States, string Key, int FearGreedDays) Resolve(BarSeries bars, ResearchDatabase db, string? fearGreedFile)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(db);
        IReadOnlyList<Engine.Data.FearGreed.FearGreedPoint> points;
        try
        {
            points = fearGreedFile is null ? new FearGreedStore(db).Load() : FearGreedFileReader.Read(fearGreedFile).Points;
        }
        catch (DataValidationException ex)
        {
            throw new BadInputException("--fear-greed: " + ex.Message, ex);
        }

        var history = points.Count == 0 ? null : new FearGreedHistory(points.Select(p => new Engine.Risk.Regime.FearGreedPoint(p.Date, p.Value)));
        var states = BacktestMarketStates.Compute(bars, history);
        var key = points.Count == 0
            ? "vol20"
            : string.Create(CultureInfo.InvariantCulture, $"vol20+fg({points.Count} days to {points[^1].Date:yyyy-MM-dd}, sum {points.Sum(p => (long)p.Value)})");
        return (states, key, points.Count);
    }
}
