using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Cluster.Contracts;

/// <summary>Exact conversions between the engine's evaluation types and the wire DTOs (no rounding anywhere).</summary>
internal static class DtoMapping
{
    public static IndividualDto ToDto(Individual i) => new(i.SeedTypeId, i.PluginVersion, [.. i.Genes]);

    public static Individual FromDto(IndividualDto d) => new(d.SeedTypeId, d.PluginVersion, d.Genes);

    public static WindowDto ToDto(EvaluationWindow w) => new(w.Fold, (int)w.Role, w.Bars.Start, w.Bars.Length, w.StrictlyOutOfSample);

    public static EvaluationWindow FromDto(WindowDto w) => new(w.Fold, (WindowRole)w.Role, new BarWindow(w.Start, w.Length), w.StrictlyOutOfSample);

    public static IndividualResultDto ToDto(IndividualEvaluation e) => new(
        (int)e.Status,
        [.. e.Windows.Select(m => new WindowMetricsDto(m.Sharpe, m.TotalReturn, m.MaxDrawdown, m.Trades, m.Bars, m.Skewness, m.Kurtosis))],
        e.Error);

    public static IndividualEvaluation FromDto(IndividualResultDto d) => new(
        (EvaluationStatus)d.Status,
        [.. d.Windows.Select(m => new WindowMetrics(m.Sharpe, m.TotalReturn, m.MaxDrawdown, m.Trades, m.Bars, m.Skewness, m.Kurtosis))],
        d.Error);
}
