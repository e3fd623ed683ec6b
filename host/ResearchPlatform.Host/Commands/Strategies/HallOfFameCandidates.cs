using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Strategies;

/// <summary>
/// Feeds an evolution run's hall of fame to the deployment manager (used by <c>rp strategies add</c> and <c>rp demo</c>):
/// each entry becomes a candidate, and a new candidate's out-of-sample (else training) backtest is recorded, which passes
/// it to backtested or retires it at the policy's gate.
/// </summary>
internal static class HallOfFameCandidates
{
    /// <summary>Adds the top <paramref name="top"/> hall-of-fame entries of <paramref name="runId"/>; returns them as they now stand.</summary>
    public static IReadOnlyList<DeployedStrategy> Add(ResearchDatabase db, StrategyDeploymentManager manager, string runId, int top)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var entries = new RunReader(db).HallOfFame(runId).Where(e => e.List == "hall_of_fame").OrderBy(e => e.Rank).Take(top).ToList();
        if (entries.Count == 0)
        {
            throw new BadInputException($"--run: run '{runId}' has no hall of fame (unknown run, or not finished)");
        }

        var added = new List<DeployedStrategy>();
        foreach (var e in entries)
        {
            var s = manager.AddCandidate(e.SeedType, e.PluginVersion, e.GenesJson, $"run:{runId}#{e.Rank}");
            var m = e.OutOfSample.Sharpe is null ? e.Train : e.OutOfSample;
            if (s.Stage == DeploymentStage.Candidate && m.Sharpe is { } sharpe)
            {
                manager.RecordBacktest(s.Id, new StrategyPerformance(sharpe, m.TotalReturn ?? 0, m.MaxDrawdown ?? 0, 0));
            }

            added.Add(manager.Get(s.Id));
        }

        return added;
    }
}
