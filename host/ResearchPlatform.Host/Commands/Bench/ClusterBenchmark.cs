using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResearchPlatform.Cluster.Client;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Cluster.Silo;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Host.Commands.Cluster;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// Local evaluation vs the cluster path on one population: silos run in this process on free loopback ports (each with
/// every core, so two silos share this machine's cores); the death figure stops a silo while it evaluates.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<ClusterBenchmarkResult> RunAsync(int population, int barCount, TimeSpan batchTimeout, Action<string> progress, CancellationToken ct)
    {
        var bars = SyntheticBars.Generate("SYN/USDT", BarInterval.Parse("1h"), barCount, seed: 1);
        var seeds = EvolveInputs.LoadSeedTypes(progress);
        var (problem, local) = BacktestProblem.Create(bars, [.. seeds.Select(s => (s.Seed, s.VersionTag))], new WalkForwardOptions(4), new BacktestOptions());
        var plan = problem.GenerationPlan(Environment.ProcessorCount, includeTests: true);
        var rng = new Random(7);
        var batch = PopulationInitializer.Create(problem.SeedTypes, PopulationInitializer.Allocate(population, [.. problem.SeedTypes.Select(_ => 1.0)]), 20, rng);
        progress($"bench cluster: {population} individuals x {plan.Windows.Count} windows on {barCount:N0} bars, {Environment.ProcessorCount} cores");
        var (localSeconds, expected) = await TimeAsync(local, batch, plan, ct);
        progress($"local: {localSeconds:0.000} s");
        var ports = FreePorts(4);
        var siloSeeds = new SiloSeedTypes([.. seeds.Select(s => (s.Seed, s.VersionTag))]);
        using var silo1 = await StartSiloAsync(siloSeeds, ports[0], ports[1], ports[0], ct);
        var spec = ClusterSpec.Parse($"localhost:{ports[1]}");
        var client = await ClusterCommand.Connect(spec, batchTimeout + TimeSpan.FromSeconds(10), ct);
        try
        {
            var options = new ClusterEvaluatorOptions { BatchTimeout = batchTimeout };
            var one = new ClusterFitnessEvaluator(client.Services.GetRequiredService<IClusterClient>(), bars, new BacktestOptions(), local, options, TimeProvider.System);
            var (oneSeconds, oneResults) = await TimeAsync(one, batch, plan, ct);
            progress($"1 silo: {oneSeconds:0.000} s");
            using var silo2 = await StartSiloAsync(siloSeeds, ports[2], ports[3], ports[0], ct);
            var two = new ClusterFitnessEvaluator(client.Services.GetRequiredService<IClusterClient>(), bars, new BacktestOptions(), local, options, TimeProvider.System);
            await WaitForSilosAsync(two, 2, ct);
            var (twoSeconds, twoResults) = await TimeAsync(two, batch, plan, ct);
            progress($"2 silos: {twoSeconds:0.000} s");
            var (deathSeconds, death, deathResults) = await DeathAsync(two, silo2, batch, plan, ct);
            progress($"silo stopped mid-generation: completed {deathSeconds:0.000} s later");
            var same = Same(expected, oneResults) && Same(expected, twoResults) && Same(expected, deathResults);
            return new ClusterBenchmarkResult(
                population, barCount, plan.Windows.Count, Environment.ProcessorCount, localSeconds, oneSeconds, twoSeconds,
                population / localSeconds, population / oneSeconds, population / twoSeconds, (oneSeconds - localSeconds) / population * 1e6,
                batchTimeout.TotalSeconds, deathSeconds, death.FailedEvaluations, death.Resubmitted, death.LocalFallback, same);
        }
        finally
        {
            await ClusterCommand.Disconnect(client);
            await StopAsync(silo1);
        }
    }

    // Best of two timed runs after a warm-up run (JIT, dataset upload).
    private static async Task<(double Seconds, IReadOnlyList<IndividualEvaluation> Results)> TimeAsync(
        IFitnessEvaluator evaluator, IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        var results = await evaluator.EvaluateAsync(batch, plan, ct);
        var best = double.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var t0 = TimeProvider.System.GetTimestamp();
            results = await evaluator.EvaluateAsync(batch, plan, ct);
            best = Math.Min(best, TimeProvider.System.GetElapsedTime(t0).TotalSeconds);
        }

        (evaluator as ClusterFitnessEvaluator)?.TakeDistribution();
        return (best, results);
    }

    private static async Task<(double Seconds, Engine.Evolution.Distribution.EvaluationDistribution Stats, IReadOnlyList<IndividualEvaluation> Results)> DeathAsync(
        ClusterFitnessEvaluator evaluator, IHost victim, IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        var service = victim.Services.GetRequiredService<SiloEvaluationService>();
        var run = evaluator.EvaluateAsync(batch, plan, ct).AsTask();
        while (service.Counters.InFlight == 0 && !run.IsCompleted)
        {
            await Task.Delay(1, ct);
        }

        var t0 = TimeProvider.System.GetTimestamp();
        await victim.StopAsync(new CancellationToken(canceled: true));
        var results = await run;
        return (TimeProvider.System.GetElapsedTime(t0).TotalSeconds, evaluator.TakeDistribution()!, results);
    }

    private static async Task<IHost> StartSiloAsync(SiloSeedTypes seeds, int port, int gateway, int primary, CancellationToken ct)
    {
        var host = SiloCommand.Build(ClusterSpec.Parse("localhost"), new SiloEndpoints(port, gateway, primary, IPAddress.Loopback), seeds, new ClusterSiloOptions());
        await host.StartAsync(ct);
        return host;
    }

    private static async Task StopAsync(IHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // best effort
        }
    }

    private static async Task WaitForSilosAsync(ClusterFitnessEvaluator evaluator, int count, CancellationToken ct)
    {
        for (var i = 0; i < 200 && (await evaluator.Topology.LiveSilosAsync(ct)).Count < count; i++)
        {
            await Task.Delay(50, ct);
        }
    }

    private static bool Same(IReadOnlyList<IndividualEvaluation> a, IReadOnlyList<IndividualEvaluation> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Status == p.Second.Status && p.First.Windows.SequenceEqual(p.Second.Windows));

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
