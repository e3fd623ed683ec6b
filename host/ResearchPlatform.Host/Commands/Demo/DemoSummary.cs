using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Backtest;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Commands.Paper;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>Stage 6 of the demo: the figures as stored (deployment rows, generations), the summary table or JSON, and the report file.</summary>
internal static class DemoSummary
{
    public static DemoResult Build(
        ResearchDatabase db, DemoInputs inputs, string runId, StrategyDeploymentManager manager, IReadOnlyList<DeployedStrategy> admitted, IReadOnlyList<LoadedSeedType> seeds, DemoPaperOutcome? paper,
        IReadOnlyList<DemoOverride> overrides, IReadOnlyList<DemoDecision> decisions, string alertsFile, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(manager);
        var generations = new RunReader(db).Generations(runId).Select(g => new DemoGeneration(g.Stats.Generation, g.Stats.BestFitness, g.Stats.MeanFitness)).ToList();
        var rows = admitted.Select(a => Row(manager.Get(a.Id), seeds, paper)).ToList();
        var lines = File.Exists(alertsFile) ? File.ReadLines(alertsFile).Count() : 0;
        var r = paper?.Result;
        return new DemoResult(
            inputs.Root, Path.Combine(inputs.Root, Workspace.DatabaseFileName), inputs.ReportPath, alertsFile, lines, inputs.Size.Name, inputs.Size.Population, inputs.Size.Generations,
            runId, r?.SessionId, r is null ? null : Day(r.From), r is null ? null : Day(r.To), Math.Round(elapsed.TotalSeconds, 1), overrides, decisions, rows, generations,
            rows.Sum(x => x.RiskEvents), inputs.Serve && inputs.Port > 0 ? $"http://127.0.0.1:{inputs.Port}" : null);
    }

    /// <summary>Writes the report through a temporary file, so a failure never leaves half a report.</summary>
    public static void Write(string path, string html)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, html, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    public static void Print(CliOutput output, DemoResult r, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(r);
        if (json)
        {
            output.WriteJson(r);
            return;
        }

        output.Table(
            ["strategy", "seed", "genes", "bt sharpe", "bt return", "bt max dd", "paper sharpe", "paper return", "paper max dd", "trades", "risk events", "stage"],
            r.Strategies.Select(s => (IReadOnlyList<string>)
            [
                s.Id, s.Seed, s.Genes, DemoReport.Sharpe(s.BacktestSharpe), DemoReport.Pct(s.BacktestReturn), DemoReport.Pct(s.BacktestMaxDrawdown),
                DemoReport.Sharpe(s.PaperSharpe), DemoReport.Pct(s.PaperReturn), DemoReport.Pct(s.PaperMaxDrawdown),
                s.Trades?.ToString(CultureInfo.InvariantCulture) ?? "-", s.RiskEvents.ToString(CultureInfo.InvariantCulture), s.Stage,
            ]),
            $"rp demo: run {r.RunId}, paper session {r.PaperSession ?? "-"} ({r.PaperFrom ?? "-"} .. {r.PaperTo ?? "-"})");
        output.Line($"report: {r.Report}");
        output.Line($"alerts: {r.AlertsFile} ({r.AlertsFileLines} lines)");
        output.Line(string.Create(CultureInfo.InvariantCulture, $"done in {r.Seconds:0.0} s; next: ./rp strategies list --workspace {r.Workspace}   ./rp demo --serve"));
    }

    private static DemoStrategyRow Row(DeployedStrategy s, IReadOnlyList<LoadedSeedType> seeds, DemoPaperOutcome? paper)
    {
        var replay = paper?.Result.Strategies.FirstOrDefault(p => p.Strategy.Name == s.Id);
        var seed = seeds.FirstOrDefault(l => l.Seed.Id == s.SeedType)?.Seed;
        var genes = seed is null
            ? s.GenesJson
            : string.Join(" ", GeneArguments.Describe(seed, PaperInputs.GenesOf(seed, s.GenesJson)).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}={Value(g.Value)}")));
        var p = replay?.Performance;
        return new DemoStrategyRow(
            s.Id, s.SeedType, genes, s.Backtest?.Sharpe, s.Backtest?.TotalReturn, s.Backtest?.MaxDrawdown,
            p is null ? null : Finite(p.Sharpe), p is null ? null : p.ReturnPct / 100, p?.MaxDrawdown, p?.Trades, replay?.RiskEvents.Count ?? 0, DeploymentStore.Name(s.Stage));
    }

    private static string Value(object v) => v switch
    {
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Day(DateTimeOffset t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
