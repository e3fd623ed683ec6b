using System.CommandLine;
using System.Runtime.InteropServices;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// <c>rp evolve (--symbol S --interval I | --data FILE) [options] [--json]</c> and <c>rp evolve --resume RUN_ID</c>:
/// evolves a strategy population with walk-forward validation; every completed generation lands in the workspace's
/// DuckDB, so Ctrl+C stops after the last completed generation and <c>--resume</c> continues it. The end of a run
/// (finished, stopped, failed) raises a GENETIC alert through the workspace's alert service unless <c>--no-alerts</c>.
/// </summary>
internal static class EvolveCommand
{
    public static Command Create(CommonOptions common)
    {
        var o = new EvolveOptions();
        var cmd = new Command("evolve", "Evolve a strategy population (GA with walk-forward validation, hold-out, DuckDB results)");
        o.AddTo(cmd);
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, interrupt) =>
        {
            // CliApp runs rp evolve without System.CommandLine's termination handler (it would exit 130 while the stopped
            // run's alert is flushed): Ctrl+C cancels through Program, SIGTERM here, and both end as a stopped run, exit 1.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            var ct = stop.Token;
            var workspace = Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists();
            using var db = ResearchDatabase.Open(workspace.DatabasePath);
            // Nothing forces rp evolve out after Ctrl+C (see CliApp), so its alert may take up to 10 s to be stored and delivered.
            await using var alerts = CliAlerting.Open(workspace.Root, db, parse.GetValue(o.NoAlerts), flushTimeout: TimeSpan.FromSeconds(10));
            var resume = parse.GetValue(o.Resume);
            var (run, task) = string.IsNullOrWhiteSpace(resume) ? Start(parse, o, db, output, ct) : Resume(parse, o, db, resume, output, ct);
            try
            {
                var exit = await Finish(parse.GetValue(o.Json), db, run, task, output, ct);
                alerts.Publish(EvolveAlerts.Ended(db, run.RunId, exit == ExitCodes.Ok ? EvolveAlerts.Outcome.Finished : EvolveAlerts.Outcome.Stopped));
                return exit;
            }
            catch (Exception ex) when (ex is not BadInputException and not OperationCanceledException)
            {
                // a failure before the first generation (e.g. an unreachable cluster) never reached the run's own
                // bookkeeping: the run would stay "running" forever
                var store = new EvolutionRunStore(db, TimeProvider.System);
                if (store.Find(run.RunId)?.Status == EvolutionRunStatus.Running)
                {
                    store.SetStatus(run.RunId, EvolutionRunStatus.Failed);
                }

                alerts.Publish(EvolveAlerts.Ended(db, run.RunId, EvolveAlerts.Outcome.Failed, ex.Message));
                throw;
            }
        }));
        return cmd;
    }

    private static (EvolutionRunRecord Run, Func<IEvolutionObserver, Task<EvolutionResult>> Body) Start(
        ParseResult parse, EvolveOptions o, ResearchDatabase db, CliOutput output, CancellationToken ct)
    {
        var (bars, source) = EvolveInputs.LoadBars(db, parse.GetValue(o.Data), parse.GetValue(o.Symbol), parse.GetValue(o.Interval), ct);
        var seeds = EvolveInputs.SelectSeeds(EvolveInputs.LoadSeedTypes(output.Warn), EvolveTuning.SeedTypeIds(parse.GetValue(o.SeedTypes)));
        var options = o.ToEvolutionOptions(parse, seeds.Select(s => s.Seed.Id).ToList());
        var cluster = EvolveCluster.From(parse, o);
        var walkForward = new WalkForwardOptions(parse.GetValue(o.Folds), Enum.Parse<FoldMode>(parse.GetValue(o.FoldMode)!, true), parse.GetValue(o.Holdout), 0.25, parse.GetValue(o.Embargo));
        var errors = options.Validate().Concat(walkForward.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors));
        }

        var backtest = new BacktestOptions();
        var (problem, evaluator) = EvolveInputs.ValidatedProblem(bars, seeds, options, walkForward, backtest);

        var store = new EvolutionRunStore(db, TimeProvider.System);
        var run = store.Create(
            store.NextRunId(), bars.Symbol, bars.Interval.Code, source, problem.DatasetKey, problem.CostModelKey, bars.Count,
            seeds.Select(s => new SeedTypeRef(s.Seed.Id, s.VersionTag)).ToList(), new EvolutionRunConfig(options, walkForward, backtest));
        output.Info($"run {run.RunId}: {bars.Symbol} {bars.Interval} ({bars.Count:N0} bars), {string.Join(", ", seeds.Select(s => s.Seed.Id))}, population {options.PopulationSize} x {options.Generations} generations, {options.Threads} threads");
        return (run, observer => cluster.RunAsync(
            options.PopulationSize, bars, backtest, EvolveInputs.WithTimeLimit(evaluator, parse.GetValue(o.EvalTimeout)), output, e => new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, e, observer, ct), ct));
    }

    private static (EvolutionRunRecord Run, Func<IEvolutionObserver, Task<EvolutionResult>> Body) Resume(
        ParseResult parse, EvolveOptions o, ResearchDatabase db, string runId, CliOutput output, CancellationToken ct)
    {
        var given = o.RunOptions().Where(opt => parse.GetResult(opt) is { Implicit: false }).Select(opt => opt.Name).ToList();
        if (given.Count > 0)
        {
            throw new BadInputException($"--resume continues a run with its stored settings; remove {string.Join(", ", given)} (only --threads, --json, --no-alerts and the --cluster options apply)");
        }

        var run = new EvolutionRunStore(db, TimeProvider.System).Find(runId) ?? throw new BadInputException($"no evolution run '{runId}' in this workspace (see: rp runs list)");
        if (run.Status == EvolutionRunStatus.Completed)
        {
            throw new BadInputException($"run {runId} is already completed (see: rp runs show {runId})");
        }

        var bars = EvolveInputs.LoadBarsOf(db, run.DataSource, run.Symbol, run.Interval, ct);
        var loaded = EvolveInputs.LoadSeedTypes(output.Warn);
        var seeds = run.SeedTypes.Select(r =>
        {
            var s = loaded.FirstOrDefault(l => l.Seed.Id == r.Id) ?? throw new BadInputException($"run {runId} needs seed type '{r.Id}', which no loaded plugin provides");
            return s.VersionTag == r.PluginVersion ? s : throw new BadInputException($"run {runId} was evolved with seed type '{r.Id}' {r.PluginVersion}; the loaded plugin is {s.VersionTag}");
        }).ToList();
        var (problem, evaluator) = EvolveInputs.Map(() => BacktestProblem.Create(bars, seeds.Select(s => (s.Seed, s.VersionTag)).ToList(), run.Config.WalkForward, run.Config.Backtest));
        if (problem.DatasetKey != run.DatasetKey)
        {
            throw new BadInputException($"the bars of run {runId} changed since it started ({run.DatasetKey} -> {problem.DatasetKey})");
        }

        var cluster = EvolveCluster.From(parse, o);
        var threads = parse.GetResult(o.Threads) is { Implicit: false } ? parse.GetValue(o.Threads) : run.Config.Evolution.Threads;
        output.Info($"resuming run {runId} after generation {run.CompletedGenerations - 1} of {run.MaxGenerations}");
        return (run, observer => cluster.RunAsync(
            run.Config.Evolution.PopulationSize, bars, run.Config.Backtest, EvolveInputs.WithTimeLimit(evaluator, parse.GetValue(o.EvalTimeout)), output, e => new StoredEvolution(db, TimeProvider.System).ResumeAsync(run, problem, e, Math.Max(1, threads), observer, ct), ct));
    }

    private static async Task<int> Finish(
        bool json, ResearchDatabase db, EvolutionRunRecord run, Func<IEvolutionObserver, Task<EvolutionResult>> body, CliOutput output, CancellationToken ct)
    {
        var exit = ExitCodes.Ok;
        try
        {
            await EvolveProgress.RunAsync($"{run.RunId} {run.Symbol} {run.Interval}", run.MaxGenerations, run.CompletedGenerations, body);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var stopped = new EvolutionRunStore(db, TimeProvider.System).Find(run.RunId)!;
            output.Error($"stopped after {stopped.CompletedGenerations} completed generation(s); continue with: rp evolve --resume {run.RunId}");
            exit = ExitCodes.Failure;
        }
        catch (EvolutionConfigurationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        var report = RunReport.Load(db, run.RunId)!;
        if (json)
        {
            output.WriteJson(report);
        }
        else
        {
            RunReportPrinter.Print(output, report);
        }

        return exit;
    }
}
