using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Service;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// <c>rp bench serve</c>: start-to-healthy time of the whole service (Generic Host, DI, options validation, every
/// component started by tier, Kestrel listening) in a throw-away workspace without network; target &lt; 1 s.
/// </summary>
public static class ServeBenchCommand
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var runs = new Option<int>("--runs") { Description = "Start/stop cycles (the first is cold: JIT, first DuckDB open)", DefaultValueFactory = _ => 5 };
        var cmd = new Command("serve", "Time rp serve from start to healthy, without network (target < 1 s)") { json, runs };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(runs);
            if (n is < 1 or > 100)
            {
                throw new BadInputException($"--runs must be within 1..100 (got {n.ToString(CultureInfo.InvariantCulture)})");
            }

            using var ws = new BenchWorkspace();
            var times = new List<double>();
            for (var i = 0; i < n; i++)
            {
                times.Add(await OnceAsync(ws.Path, ct));
                output.Info(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: healthy in {times[^1]:0} ms"));
            }

            var best = times.Min();
            var result = new { Runs = times, ColdMs = times[0], BestMs = best, MedianMs = times.Order().ElementAt(times.Count / 2), TargetMs = Target.TotalMilliseconds, MeetsTarget = best < Target.TotalMilliseconds };
            if (parse.GetValue(json))
            {
                output.WriteJson(result);
            }
            else
            {
                output.KeyValues(
                [
                    ("runs", n.ToString(CultureInfo.InvariantCulture)), ("cold_ms", F(result.ColdMs)), ("best_ms", F(best)), ("median_ms", F(result.MedianMs)),
                    ("target_ms", F(result.TargetMs)), ("ok", result.MeetsTarget ? "yes" : "NO"),
                ], "rp serve start to healthy (no network, no replay)");
            }

            return result.MeetsTarget ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return cmd;
    }

    private static async Task<double> OnceAsync(string workspace, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var settings = new ServeSettings { WorkspaceRoot = workspace, DecisionEveryBars = 0 };
        await using var app = ServeHost.Build(new ServeHostOptions(settings, "127.0.0.1", 0, null, false), ServeToken.LoadOrCreate(workspace));
        await app.StartAsync(ct);
        var started = app.Services.GetRequiredService<ManagerHostedService>().Started;
        var ms = sw.Elapsed.TotalMilliseconds;
        await app.StopAsync(ct);
        return started is { Health.Healthy: true } ? ms : throw new InvalidOperationException("the service did not become healthy: " + string.Join("; ", started?.Health.Components.Where(c => c.Status != Lifecycle.ComponentStatus.Connected).Select(c => $"{c.Name} {c.Status} {c.Reason}") ?? []));
    }

    private static string F(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);

    private sealed class BenchWorkspace : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rp-bench-serve-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
