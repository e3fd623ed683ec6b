using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Cluster.Client;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Cluster;

/// <summary><c>rp cluster status [--cluster ...] [--json]</c>: the silos of a cluster, their load and evaluations done.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var cluster = ClusterCliOptions.Cluster(required: true);
        var json = CommonOptions.JsonOption();
        var status = new Command("status", "List the silos of the cluster: status, cores, evaluations done, evals/s, busy %") { cluster, json };
        status.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var spec = ClusterCliOptions.Parse(parse.GetValue(cluster));
            var timeout = TimeSpan.FromSeconds(10);
            var host = await Connect(spec, timeout, ct);
            IReadOnlyList<SiloStatusRow> rows;
            try
            {
                rows = await ClusterStatusReader.ReadAsync(host.Services.GetRequiredService<IClusterClient>(), timeout, ct);
            }
            finally
            {
                await Disconnect(host);
            }

            var report = rows.Select(r => new ClusterStatusReport(
                r.Silo, r.Status, r.Worker?.HostName, r.Worker?.Cores, r.Worker?.Evaluations, r.Worker?.Batches, r.Worker?.EvaluationsPerSecond,
                r.Worker?.BusyPercent, r.Worker?.InFlight, r.Worker?.CachedDatasets, r.Worker?.UptimeSeconds, r.Worker?.SeedTypes, r.Error)).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new { Cluster = spec.ToString(), Silos = report });
                return ExitCodes.Ok;
            }

            static string N(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
            output.Table(
                ["silo", "status", "host", "cores", "evaluations", "evals/s", "busy %", "in flight", "datasets"],
                report.Select(r => (IReadOnlyList<string>)[r.Silo, r.Status, r.HostName ?? r.Error ?? "-", N(r.Cores, "0"), N(r.Evaluations, "N0"), N(r.EvaluationsPerSecond, "0.0"), N(r.BusyPercent, "0.0"), N(r.InFlight, "0"), N(r.CachedDatasets, "0")]),
                $"cluster {spec}");
            return ExitCodes.Ok;
        }));
        return new Command("cluster", "Inspect an Orleans evaluation cluster (see rp silo)") { status };
    }

    /// <summary>Stops a client host without waiting long for a graceful goodbye.</summary>
    public static async Task Disconnect(Microsoft.Extensions.Hosting.IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client is going away anyway.
        }

        host.Dispose();
    }

    /// <summary>
    /// Connects a client, turning an unreachable cluster into a clear error. Connecting may take 20 s, or the response
    /// timeout when that is longer: a caller that gives each call more time (a larger --batch-timeout) gives the connection as
    /// much (on a loaded machine a client's start-up alone can take 20 s of wall time).
    /// </summary>
    public static async Task<Microsoft.Extensions.Hosting.IHost> Connect(ClusterSpec spec, TimeSpan responseTimeout, CancellationToken ct)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connect.CancelAfter(TimeSpan.FromSeconds(Math.Max(20, responseTimeout.TotalSeconds)));
        try
        {
            return await ClusterHosting.ConnectClientAsync(spec, responseTimeout, connect.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new ClusterEvaluationException($"cannot connect to the cluster {spec}: {ex.Message} (is a silo running? start one with: rp silo --cluster {spec})", ex);
        }
    }
}
