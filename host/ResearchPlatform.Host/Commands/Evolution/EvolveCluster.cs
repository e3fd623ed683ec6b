using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResearchPlatform.Cluster.Client;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Cluster;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// Where <c>rp evolve</c> evaluates: on the cluster named by <c>--cluster</c> when the population exceeds
/// <c>--cluster-threshold</c>, locally otherwise; it says which on stderr before the first generation.
/// </summary>
/// <param name="Spec">The cluster, or null without <c>--cluster</c>.</param>
/// <param name="Threshold">Population above which the cluster is used.</param>
/// <param name="Options">Batch timeout, attempts, local fallback.</param>
internal sealed record EvolveCluster(ClusterSpec? Spec, int Threshold, ClusterEvaluatorOptions Options)
{
    /// <summary>Reads and checks the cluster options (bad values exit 2 before anything is stored).</summary>
    public static EvolveCluster From(ParseResult parse, EvolveOptions o)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(o);
        var text = parse.GetValue(o.Cluster);
        var threshold = parse.GetValue(o.ClusterThreshold);
        if (threshold < 0)
        {
            throw new BadInputException("--cluster-threshold must be 0 or more");
        }

        var options = new ClusterEvaluatorOptions
        {
            LocalFallback = !parse.GetValue(o.NoLocalFallback),
            BatchTimeout = EvolveInputs.ParseDuration(parse.GetValue(o.BatchTimeout), "--batch-timeout") ?? TimeSpan.FromSeconds(30),
        };
        return new EvolveCluster(string.IsNullOrWhiteSpace(text) ? null : ClusterCliOptions.Parse(text), threshold, options);
    }

    /// <summary>Runs <paramref name="run"/> with the cluster evaluator or <paramref name="local"/>, saying which.</summary>
    public async Task<EvolutionResult> RunAsync(
        int population, BarSeries bars, BacktestOptions backtest, IFitnessEvaluator local, CliOutput output, Func<IFitnessEvaluator, Task<EvolutionResult>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        if (Spec is null)
        {
            output.Info("evaluation: local");
            return await run(local);
        }

        if (population <= Threshold)
        {
            output.Info($"evaluation: local (population {population} <= --cluster-threshold {Threshold})");
            return await run(local);
        }

        IHost host;
        try
        {
            host = await ClusterCommand.Connect(Spec, Options.BatchTimeout + TimeSpan.FromSeconds(10), ct);
        }
        catch (ClusterEvaluationException ex) when (Options.LocalFallback)
        {
            output.Warn(ex.Message + "; evaluating locally (local fallback)");
            output.Info("evaluation: local (cluster unreachable)");
            return await run(local);
        }

        try
        {
            var evaluator = new ClusterFitnessEvaluator(host.Services.GetRequiredService<IClusterClient>(), bars, backtest, local, Options, TimeProvider.System, output.Warn);
            var silos = await evaluator.Topology.LiveSilosAsync(ct);
            output.Info(string.Create(
                CultureInfo.InvariantCulture,
                $"evaluation: cluster {Spec} ({silos.Count} silos, {silos.Sum(s => s.Cores)} cores; population {population} > --cluster-threshold {Threshold}; batch timeout {Options.BatchTimeout.TotalSeconds:0.#} s, {Options.MaxAttempts} attempts, local fallback {(Options.LocalFallback ? "on" : "off")})"));
            return await run(evaluator);
        }
        finally
        {
            await ClusterCommand.Disconnect(host);
        }
    }
}
