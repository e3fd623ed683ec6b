using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>A started or resumed risk-genome run, ready to execute.</summary>
internal sealed record RiskRunSetup(
    EvolutionRunRecord Run,
    EvolutionProblem Problem,
    RiskGenomeEvaluator Evaluator,
    IRiskGenomeDefinition Definition,
    EvolutionOptions Options,
    Func<IEvolutionObserver, Task<EvolutionResult>> Body);
