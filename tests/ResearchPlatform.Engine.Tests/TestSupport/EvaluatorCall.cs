using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>One call the synthetic evaluator received.</summary>
internal sealed record EvaluatorCall(EvaluationPurpose Purpose, IReadOnlyList<EvaluationWindow> Windows, IReadOnlyList<Individual> Batch);
