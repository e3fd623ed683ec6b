using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Creates stored runs of the synthetic problem.</summary>
internal static class StoredRuns
{
    public static EvolutionRunRecord Create(ResearchDatabase db, EvolutionProblem problem, EvolutionOptions options)
    {
        var store = new EvolutionRunStore(db, TimeProvider.System);
        return store.Create(
            store.NextRunId(),
            "SYN/USDT",
            "1h",
            "workspace",
            problem.DatasetKey,
            problem.CostModelKey,
            problem.WalkForward.BarCount,
            problem.SeedTypes.Select(s => new SeedTypeRef(s.SeedTypeId, s.PluginVersion)).ToList(),
            new EvolutionRunConfig(options, problem.WalkForward.Options, new BacktestOptions()));
    }

    public static WalkForwardOptions DefaultWalkForward => new(4, FoldMode.Rolling, 0.2, 0.25, 0);
}
