using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>
/// The market state of a risk-aware backtest: the regime classifier from <c>--regime-classifier</c> or the
/// <c>regime.classifier</c> key of <c>--risk-config</c> (unknown values: exit 2 naming the key), Fear &amp; Greed from the
/// workspace's <c>fear_greed</c> table when the workspace exists and holds it (import with <c>rp data import-fear-greed</c>).
/// </summary>
internal static class RiskMarketArguments
{
    /// <summary>Per-bar market states, the classifier name and how many Fear &amp; Greed days were available.</summary>
    public static (MarketState[] States, string Classifier, int FearGreedDays) Resolve(BarSeries bars, string? configFile, string? classifierOption, string? workspaceOption)
    {
        var classifier = Map(() =>
        {
            var config = string.IsNullOrWhiteSpace(configFile) ? new RiskConfig() : RiskConfig.Load(configFile);
            return string.IsNullOrWhiteSpace(classifierOption) ? config.RegimeClassifier : RiskConfig.Checked(classifierOption, "--regime-classifier");
        });
        var points = LoadFearGreed(workspaceOption);
        var history = points.Count == 0 ? null : new FearGreedHistory(points.Select(p => new Engine.Risk.Regime.FearGreedPoint(p.Date, p.Value)));
        return (BacktestMarketStates.Compute(bars, history, RegimeClassifiers.Create(classifier)), classifier, points.Count);
    }

    private static IReadOnlyList<Engine.Data.FearGreed.FearGreedPoint> LoadFearGreed(string? workspaceOption)
    {
        var workspace = Workspace.Resolve(workspaceOption);
        if (!File.Exists(workspace.DatabasePath))
        {
            return [];
        }

        using var db = ResearchDatabase.Open(workspace.DatabasePath);
        return new FearGreedStore(db).Load();
    }

    private static T Map<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (RiskConfigurationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }
}
