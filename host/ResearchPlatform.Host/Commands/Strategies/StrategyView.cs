using System.Text.Json;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Strategies;

/// <summary>A managed strategy as the CLI and API print it (stage as a snake-case name, genes as a JSON object).</summary>
internal sealed record StrategyView(
    string Id,
    string SeedType,
    string PluginVersion,
    JsonElement Genes,
    string Source,
    string Stage,
    int RampStep,
    DateTimeOffset StageSince,
    StrategyPerformance? Backtest,
    StrategyPerformance? Paper,
    StrategyPerformance? Live)
{
    public static StrategyView From(DeployedStrategy s) =>
        new(s.Id, s.SeedType, s.PluginVersion, ParseGenes(s.GenesJson), s.Source, DeploymentStore.Name(s.Stage), s.RampStep, s.StageSince, s.Backtest, s.Paper, s.Live);

    private static JsonElement ParseGenes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
