using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>A hall-of-fame or Pareto-front row joined with its individual, as read back for reports.</summary>
/// <param name="List">"hall_of_fame" or "pareto_front".</param>
/// <param name="Rank">1-based rank.</param>
/// <param name="Sequence">The individual's sequence number in the run.</param>
/// <param name="SeedType">Seed type id.</param>
/// <param name="PluginVersion">Plugin version.</param>
/// <param name="GenesJson">Genes as a JSON object.</param>
/// <param name="Fitness">Training fitness.</param>
/// <param name="Train">Training metrics.</param>
/// <param name="OutOfSample">Strict out-of-sample metrics.</param>
/// <param name="HoldoutStatus">Status of the hold-out evaluation.</param>
/// <param name="Holdout">Hold-out metrics.</param>
internal sealed record StoredHallOfFameEntry(
    string List,
    int Rank,
    long Sequence,
    string SeedType,
    string PluginVersion,
    string GenesJson,
    double? Fitness,
    StoredMetrics Train,
    StoredMetrics OutOfSample,
    EvaluationStatus HoldoutStatus,
    StoredMetrics Holdout);
