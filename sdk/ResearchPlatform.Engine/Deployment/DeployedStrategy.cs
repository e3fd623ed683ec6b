using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Deployment;

/// <summary>
/// A strategy under deployment management: what it is (seed type, plugin version, genes), where it came from, its stage
/// and ramp step, and its performance per stage.
/// </summary>
/// <param name="Id">Stable id (e.g. <c>momentum-1a2b3c4d</c>).</param>
/// <param name="SeedType">Seed type id.</param>
/// <param name="PluginVersion">Version of the plugin that defines the seed type.</param>
/// <param name="GenesJson">Genes as a JSON object.</param>
/// <param name="Source">Where it came from, e.g. <c>run:RUN_ID#3</c>.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="RampStep">1-based capital ramp step while live (0 otherwise).</param>
/// <param name="StageSince">When it entered its stage.</param>
/// <param name="Backtest">Backtest performance, once backtested.</param>
/// <param name="Paper">Paper performance, once paper trading has reported.</param>
/// <param name="Live">Live performance, once live checkpoints have reported.</param>
public sealed record DeployedStrategy(
    string Id,
    string SeedType,
    string PluginVersion,
    string GenesJson,
    string Source,
    DeploymentStage Stage,
    int RampStep,
    DateTimeOffset StageSince,
    StrategyPerformance? Backtest,
    StrategyPerformance? Paper,
    StrategyPerformance? Live)
{
    /// <summary>The strategy as decision rules see it.</summary>
    public StrategySnapshot ToSnapshot() => new(Id, DecisionStage(Stage), Backtest, Paper, Live);

    /// <summary>The decision engine's coarser stage for a deployment stage.</summary>
    public static StrategyStage DecisionStage(DeploymentStage stage) => stage switch
    {
        DeploymentStage.Candidate or DeploymentStage.Backtested => StrategyStage.Backtest,
        DeploymentStage.Paper or DeploymentStage.Approved => StrategyStage.Paper,
        DeploymentStage.Live => StrategyStage.Live,
        _ => StrategyStage.Retired,
    };
}
