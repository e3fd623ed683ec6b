using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Commands.Paper;
using ResearchPlatform.Host.Commands.Serve;
using ResearchPlatform.Host.Service;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// <c>rp demo</c>: the main job end to end on the bundled sample data, offline and without configuration: import ->
/// evolution with walk-forward validation -> deployment (candidate -> backtested -> paper) -> accelerated paper replay
/// through risk, order manager and simulated venue with alerts -> approval by the decision engine -> summary and HTML
/// report; <c>--serve</c> then keeps <c>rp serve</c> up on the demo workspace. Every stage is idempotent on rerun.
/// </summary>
internal static class DemoCommand
{
    private const int Stages = 6;
    private const double Capital = 10_000;

    public static Command Create(CommonOptions common)
    {
        var o = new DemoOptions();
        var cmd = new Command("demo", $"The main job end to end on the bundled samples: import, evolve (walk-forward), deploy, paper replay with alerts, approve, report (workspace default: ./{DemoInputs.DefaultRoot.Replace('\\', '/')})");
        foreach (var option in o.All)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => RunAsync(DemoInputs.Resolve(parse, o, common), output, ct)));
        return cmd;
    }

    /// <summary>What a demo run leaves in its workspace: --fresh deletes a folder holding nothing else (and that a demo made).</summary>
    private static readonly string[] DemoEntries = ["research.duckdb", "research.duckdb.wal", "alerts", "demo", "journals", "serve", "serve.token", "notebooks"];

    /// <summary>
    /// <c>--fresh</c> deletes the workspace recursively: refuse (exit 2, nothing deleted) unless it is a demo workspace, so
    /// <c>rp demo --workspace . --fresh</c> or a research workspace given by mistake never loses data.
    /// </summary>
    private static void RefuseUnlessDemoWorkspace(string root)
    {
        var entries = Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).ToList();
        var foreign = entries.Where(e => !DemoEntries.Contains(e, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0 || (entries.Count > 0 && !entries.Contains("demo", StringComparer.Ordinal)))
        {
            throw new BadInputException($"--fresh: {root} does not look like a demo workspace ({(foreign.Count > 0 ? "it holds " + string.Join(", ", foreign.Take(5)) : "no demo/ folder from an earlier rp demo")}); " +
                "nothing was deleted: choose an empty or demo --workspace, or delete the folder yourself");
        }
    }

    private static async Task<int> RunAsync(DemoInputs inputs, CliOutput output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (inputs.Fresh && Directory.Exists(inputs.Root))
        {
            RefuseUnlessDemoWorkspace(inputs.Root);
            output.Info($"--fresh: removing {inputs.Root}");
            Directory.Delete(inputs.Root, recursive: true);
        }

        var workspace = new Workspace(inputs.Root).EnsureExists();
        output.Info($"rp demo: workspace {workspace.Root} (size {inputs.Size.Name}: population {inputs.Size.Population} x {inputs.Size.Generations} generations)");
        using var db = ResearchDatabase.Open(workspace.DatabasePath);
        using var alertDb = ResearchDatabase.Open(workspace.DatabasePath);
        using var http = new HttpClient();
        var alertsConfig = AlertsConfig.Default(workspace.Root);
        await using var alerts = AlertingSetup.Create(alertsConfig, alertDb, http);

        Stage(output, 1, "import the bundled sample data");
        var bars = Import(db, inputs.SampleFile, output, ct);

        Stage(output, 2, "evolve momentum, mean_reversion, breakout and volatility with walk-forward validation");
        var seeds = EvolveInputs.SelectSeeds(EvolveInputs.LoadSeedTypes(output.Warn), DemoEvolution.SeedTypes);
        var runId = await DemoEvolution.RunAsync(db, bars, seeds, inputs.Size, inputs.Seed, output, ct);

        var holdout = (int)Math.Floor(bars.Count * DemoSize.Holdout);
        var window = bars.Slice(bars.Count - holdout, holdout);
        var paperDays = (int)Math.Floor((window.TimeAt(window.Count - 1) + window.Interval.Duration - window.TimeAt(0)).TotalDays);
        var (thresholds, policy, overrides) = DemoDeployment.Gates(ThresholdsFile.Load(Path.Combine(inputs.RulesFolder, RuleFiles.ThresholdsFileName)), paperDays);
        var manager = new StrategyDeploymentManager(new DeploymentStore(db), policy);
        Stage(output, 3, "hall of fame -> deployment manager (candidate -> backtested -> paper)");
        foreach (var ov in overrides)
        {
            output.Info(string.Create(CultureInfo.InvariantCulture, $"  demo override: {ov.Name} {ov.From:0.##} -> {ov.To:0.##} ({ov.Why})"));
        }

        var admitted = DemoDeployment.Admit(db, manager, runId, inputs.Size.Top, output);

        Stage(output, 4, "accelerated paper replay of the hold-out: risk manager -> order manager -> simulated venue, alerts to console and file");
        var paper = await Replay(db, manager, admitted, window, seeds, inputs.Speed, alerts, output, ct);

        Stage(output, 5, "decision engine: NEW_STRATEGY_APPROVAL and STRATEGY_POOL_SIZING");
        var decisions = DemoDeployment.Decide(db, inputs.RulesFolder, thresholds, manager, Capital, alerts, output, ct);
        PublishOutcome(alerts, manager, admitted);

        Stage(output, 6, "summary and report");
        await alerts.FlushAsync(TimeSpan.FromSeconds(5), ct);
        var alertsFile = alertsConfig.Channels.First(c => c.Type == AlertChannelType.File).Path!;
        var result = DemoSummary.Build(db, inputs, runId, manager, admitted, seeds, paper, overrides, decisions, alertsFile, clock.Elapsed);
        DemoSummary.Write(inputs.ReportPath, DemoReport.Html(result, paper));
        DemoSummary.Print(output, result, inputs.Json);
        if (!inputs.Serve)
        {
            return ExitCodes.Ok;
        }

        var serveOutput = inputs.Json ? new CliOutput(Console.Error, Console.Error, false) : output;
        var settings = new ServeSettings { WorkspaceRoot = workspace.Root, RulesFolder = inputs.RulesFolder };
        return await ServeCommand.RunAsync(new ServeHostOptions(settings, "127.0.0.1", inputs.Port, null, false), serveOutput, ct);
    }

    private static void Stage(CliOutput output, int n, string what) =>
        output.Info(string.Create(CultureInfo.InvariantCulture, $"stage {n}/{Stages}: {what}"));

    private static BarSeries Import(ResearchDatabase db, string file, CliOutput output, CancellationToken ct)
    {
        var interval = BarInterval.TryParse("1d", out var iv, out _) ? iv : throw new InvalidOperationException("1d");
        const string symbol = "BTC/USD";
        var read = EvolveInputs.Map(() => BarFileReader.Read(file, BarFileFormat.Auto, symbol, interval, ct));
        var store = new BarStore(db);
        if (store.Count(symbol, interval) == read.Series.Count)
        {
            output.Info($"  {symbol} {interval}: {read.Series.Count:N0} bars already imported from {file}");
        }
        else
        {
            var imported = store.Import(read, ct);
            output.Info($"  {symbol} {interval}: imported {file} ({imported.Inserted:N0} new bars)");
        }

        return store.Load(symbol, interval);
    }

    private static async Task<DemoPaperOutcome?> Replay(
        ResearchDatabase db, StrategyDeploymentManager manager, IReadOnlyList<DeployedStrategy> admitted, BarSeries window,
        IReadOnlyList<LoadedSeedType> seeds, double? speed, IAlertPublisher alerts, CliOutput output, CancellationToken ct)
    {
        var trading = admitted.Where(s => s.Stage is DeploymentStage.Paper or DeploymentStage.Approved).ToList();
        if (trading.Count == 0)
        {
            output.Warn("no strategy passed the backtest gate; nothing to paper trade (try --size full or more --generations)");
            return null;
        }

        var strategies = trading.Select(s =>
        {
            var seed = seeds.First(l => l.Seed.Id == s.SeedType).Seed;
            return new PaperStrategy(s.Id, seed, PaperInputs.GenesOf(seed, s.GenesJson));
        }).ToList();
        var outcome = await DemoPaper.RunAsync(db, window, strategies, speed, alerts, output, ct);
        var days = (int)Math.Floor((outcome.Result.To - outcome.Result.From).TotalDays);
        foreach (var r in outcome.Result.Strategies)
        {
            var p = r.Performance;
            manager.RecordPaper(r.Strategy.Name, new StrategyPerformance(double.IsFinite(p.Sharpe) ? p.Sharpe : 0, p.ReturnPct / 100, p.MaxDrawdown, days, Trades: p.Trades));
        }

        return outcome;
    }

    private static void PublishOutcome(IAlertPublisher alerts, StrategyDeploymentManager manager, IReadOnlyList<DeployedStrategy> admitted)
    {
        var now = TimeProvider.System.GetUtcNow();
        var stages = admitted.Select(s => manager.Get(s.Id)).GroupBy(s => DeploymentStore.Name(s.Stage)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}").ToList();
        alerts.Publish(new Alert(AlertLevel.Informational, AlertCategory.System, "demo:finished", "rp demo: strategies " + string.Join(", ", stages),
            string.Join("\n", admitted.Select(s => manager.Get(s.Id)).Select(s => $"{s.Id}: {DeploymentStore.Name(s.Stage)}")), "demo",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["strategies"] = admitted.Count.ToString(CultureInfo.InvariantCulture) }, now));
    }
}
