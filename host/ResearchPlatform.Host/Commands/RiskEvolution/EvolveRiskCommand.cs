using System.CommandLine;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>
/// <c>rp evolve-risk (--symbol S --interval I | --data FILE) (--strategies RUN_ID:N | --seed ID [--gene ...]) [--risk default] [options] [--json]</c>
/// and <c>rp evolve-risk --resume RUN_ID</c>: the GA of <c>rp evolve</c> (same operators, walk-forward, hold-out,
/// persistence and resume) over risk genomes, for a fixed set of strategies; fitness = composite risk-adjusted return of
/// their equal-weight portfolio under each genome.
/// </summary>
internal static class EvolveRiskCommand
{
    public static Command Create(CommonOptions common)
    {
        var o = new EvolveRiskOptions();
        var cmd = new Command("evolve-risk", "Evolve a risk genome (breakers, limits, sizing) for fixed strategies: GA with walk-forward validation, hold-out, DuckDB results");
        o.AddTo(cmd);
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var workspace = Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists();
            using var db = ResearchDatabase.Open(workspace.DatabasePath);
            await using var alerts = CliAlerting.Open(workspace.Root, db, parse.GetValue(o.NoAlerts));
            using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(null));
            var loaded = EvolveInputs.LoadSeedTypes(output.Warn);
            var resume = parse.GetValue(o.Resume);
            var setup = string.IsNullOrWhiteSpace(resume) ? Start(parse, o, db, catalog, loaded, output, ct) : Resume(parse, o, db, catalog, loaded, resume, output, ct);
            return await Finish(parse.GetValue(o.Json), db, setup, alerts, output, ct);
        }));
        return cmd;
    }

    private static RiskRunSetup Start(ParseResult parse, EvolveRiskOptions o, ResearchDatabase db, PluginCatalog catalog, IReadOnlyList<LoadedSeedType> loaded, CliOutput output, CancellationToken ct)
    {
        var (bars, source) = EvolveInputs.LoadBars(db, parse.GetValue(o.Data), parse.GetValue(o.Symbol), parse.GetValue(o.Interval), ct);
        var (strategies, from) = RiskStrategyArguments.Resolve(db, loaded, parse.GetValue(o.Strategies), parse.GetValue(o.Seed), parse.GetValue(o.Genes) ?? [], output);
        var (definition, version) = Definition(catalog, parse.GetValue(o.Risk)!);
        var options = o.ToEvolutionOptions(parse);
        var walkForward = o.ToWalkForward(parse);
        var errors = options.Validate().Concat(walkForward.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors));
        }

        var backtest = new BacktestOptions();
        var market = Market(bars, db, parse.GetValue(o.FearGreed), output);
        var (problem, evaluator) = Map(() => RiskEvolutionProblem.Create(bars, definition, version, strategies, walkForward, backtest, market.States, market.Key, ct));
        var problems = EvolutionEngine.Validate(problem, options);
        if (problems.Count > 0)
        {
            throw new BadInputException(string.Join("; ", problems));
        }

        var store = new EvolutionRunStore(db, TimeProvider.System);
        var genome = problem.SeedTypes[0];
        var run = store.Create(
            store.NextRunId(), bars.Symbol, bars.Interval.Code, source, problem.DatasetKey, problem.CostModelKey, bars.Count,
            [new SeedTypeRef(genome.SeedTypeId, genome.PluginVersion)], new EvolutionRunConfig(options, walkForward, backtest));
        new RiskEvolutionRunStore(db, TimeProvider.System).Create(run.RunId, definition.Id, from, RiskStrategyArguments.ToStored(strategies));
        output.Info($"run {run.RunId}: risk genome '{definition.Id}' for {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")} ({from}) on {bars.Symbol} {bars.Interval} ({bars.Count:N0} bars), population {options.PopulationSize} x {options.Generations} generations, {options.Threads} threads");
        return new RiskRunSetup(run, problem, evaluator, definition, options, observer => new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, EvolveInputs.WithTimeLimit(evaluator, parse.GetValue(o.EvalTimeout)), observer, ct));
    }

    private static RiskRunSetup Resume(
        ParseResult parse, EvolveRiskOptions o, ResearchDatabase db, PluginCatalog catalog, IReadOnlyList<LoadedSeedType> loaded, string runId, CliOutput output, CancellationToken ct)
    {
        var given = o.RunOptions().Where(opt => parse.GetResult(opt) is { Implicit: false }).Select(opt => opt.Name).ToList();
        if (given.Count > 0)
        {
            throw new BadInputException($"--resume continues a run with its stored settings; remove {string.Join(", ", given)} (only --threads and --json apply)");
        }

        var risk = new RiskEvolutionRunStore(db, TimeProvider.System).Find(runId) ?? throw new BadInputException($"no risk-genome run '{runId}' in this workspace (see: rp risk-runs list)");
        var run = new EvolutionRunStore(db, TimeProvider.System).Find(runId) ?? throw new BadInputException($"run '{runId}' has no evolution record");
        if (run.Status == EvolutionRunStatus.Completed)
        {
            throw new BadInputException($"run {runId} is already completed (see: rp risk-runs show {runId})");
        }

        var bars = EvolveInputs.LoadBarsOf(db, run.DataSource, run.Symbol, run.Interval, ct);
        var (definition, version) = Definition(catalog, risk.RiskDefinition);
        if (version != run.SeedTypes[0].PluginVersion)
        {
            throw new BadInputException($"run {runId} was evolved with risk genome '{definition.Id}' {run.SeedTypes[0].PluginVersion}; the loaded plugin is {version}");
        }

        var strategies = RiskStrategyArguments.FromStored(loaded, risk.Strategies);
        var market = Market(bars, db, parse.GetValue(o.FearGreed), output);
        var (problem, evaluator) = Map(() => RiskEvolutionProblem.Create(bars, definition, version, strategies, run.Config.WalkForward, run.Config.Backtest, market.States, market.Key, ct));
        if (problem.DatasetKey != run.DatasetKey || problem.CostModelKey != run.CostModel)
        {
            throw new BadInputException($"the bars, strategies or market data (Fear & Greed: give the same --fear-greed file) of run {runId} changed since it started");
        }

        var threads = parse.GetResult(o.Threads) is { Implicit: false } ? parse.GetValue(o.Threads) : run.Config.Evolution.Threads;
        output.Info($"resuming run {runId} after generation {run.CompletedGenerations - 1} of {run.MaxGenerations}");
        var options = run.Config.Evolution;
        return new RiskRunSetup(run, problem, evaluator, definition, options, observer => new StoredEvolution(db, TimeProvider.System).ResumeAsync(run, problem, EvolveInputs.WithTimeLimit(evaluator, parse.GetValue(o.EvalTimeout)), Math.Max(1, threads), observer, ct));
    }

    private static async Task<int> Finish(bool json, ResearchDatabase db, RiskRunSetup setup, CliAlerting alerts, CliOutput output, CancellationToken ct)
    {
        var run = setup.Run;
        var exit = ExitCodes.Ok;
        try
        {
            await EvolveProgress.RunAsync($"{run.RunId} risk {run.Symbol} {run.Interval}", run.MaxGenerations, run.CompletedGenerations, setup.Body);
            var preset = setup.Definition.Genes.Select(g => g.Default).ToArray();
            var baseline = RiskBaseline.Evaluate(setup.Problem, setup.Evaluator, setup.Options, preset, ct);
            new RiskEvolutionRunStore(db, TimeProvider.System).SetBaseline(run.RunId, baseline);
            RiskRunEvents.Record(db, setup, preset, alerts, output, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var stopped = new EvolutionRunStore(db, TimeProvider.System).Find(run.RunId)!;
            output.Error($"stopped after {stopped.CompletedGenerations} completed generation(s); continue with: rp evolve-risk --resume {run.RunId}");
            exit = ExitCodes.Failure;
        }
        catch (EvolutionConfigurationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        var report = RiskRunReport.Load(db, run.RunId)!;
        if (json)
        {
            output.WriteJson(report);
        }
        else
        {
            report.Print(output);
        }

        return exit;
    }

    private static (Engine.Risk.MarketState[] States, string Key) Market(Sdk.Data.BarSeries bars, ResearchDatabase db, string? fearGreedFile, CliOutput output)
    {
        var (states, key, days) = RiskMarketInputs.Resolve(bars, db, fearGreedFile);
        output.Info(days == 0
            ? "market state: realised volatility only (no Fear & Greed: import it with rp data import-fear-greed or pass --fear-greed FILE)"
            : $"market state: realised volatility and Fear & Greed ({days} days, lagged one day)");
        return (states, key);
    }

    private static (IRiskGenomeDefinition Definition, string Version) Definition(PluginCatalog catalog, string id)
    {
        if (catalog.TryGetComponent(PluginContracts.Risk, id, out var component))
        {
            return ((IRiskGenomeDefinition)component.Instance, component.Source);
        }

        var ids = catalog.GetAll<IRiskGenomeDefinition>(PluginContracts.Risk).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        throw new BadInputException($"--risk: unknown risk genome '{id}' (known: {(ids.Count == 0 ? "none loaded" : string.Join(", ", ids))})");
    }

    private static T Map<T>(Func<T> body)
    {
        try
        {
            return EvolveInputs.Map(body);
        }
        catch (BacktestInputException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }
}
