using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>The walk-forward layout of a run: bar index ranges [start, end).</summary>
internal sealed record WalkForwardReport(string Mode, double HoldoutFraction, int EmbargoBars, IReadOnlyList<FoldReport> Folds, int[] Holdout)
{
    public static WalkForwardReport From(WalkForwardPlan plan) => new(
        EvolutionRunStore.Name(plan.Options.Mode),
        plan.Options.HoldoutFraction,
        plan.Options.EmbargoBars,
        plan.Folds.Select(f => new FoldReport(f.Index, [f.Train.Start, f.Train.End], [f.Test.Start, f.Test.End], f.TestIsStrictlyOutOfSample)).ToList(),
        [plan.Holdout.Start, plan.Holdout.End]);
}
