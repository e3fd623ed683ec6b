using System.Text.Json;
using ResearchPlatform.Engine.Evolution.Persistence;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>A hall-of-fame or Pareto-front member with its genes and metrics.</summary>
internal sealed record HallOfFameReport(
    string List,
    int Rank,
    long Sequence,
    string SeedType,
    string PluginVersion,
    JsonElement Genes,
    double? Fitness,
    StoredMetrics InSample,
    StoredMetrics OutOfSample,
    string HoldoutStatus,
    StoredMetrics Holdout)
{
    public static HallOfFameReport From(StoredHallOfFameEntry e)
    {
        using var doc = JsonDocument.Parse(e.GenesJson);
        return new HallOfFameReport(
            e.List, e.Rank, e.Sequence, e.SeedType, e.PluginVersion, doc.RootElement.Clone(), e.Fitness, e.Train, e.OutOfSample, EvolutionRunStore.Name(e.HoldoutStatus), e.Holdout);
    }
}
