using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Cluster.Silo;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Commands.Cluster;

/// <summary>
/// <c>rp silo [--cluster localhost|redis://HOST:PORT] [--port N] [--gateway-port N] [--primary-port N] [--advertise IP]
/// [--threads N]</c>: runs an Orleans worker silo that evaluates fitness batches with the host's seed-type plugins,
/// until Ctrl+C.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = ClusterCliOptions.Cluster(required: true);
        var port = new Option<int>("--port") { Description = "Silo-to-silo port", DefaultValueFactory = _ => ClusterSpec.DefaultSiloPort };
        var gateway = new Option<int>("--gateway-port") { Description = "Client gateway port", DefaultValueFactory = _ => ClusterSpec.DefaultGatewayPort };
        var primary = new Option<int>("--primary-port") { Description = "localhost clustering: the primary silo's port (the silo whose --port equals it is the primary)", DefaultValueFactory = _ => ClusterSpec.DefaultSiloPort };
        var advertise = new Option<string?>("--advertise") { Description = "redis clustering: the IP other machines reach this silo at (default: first non-loopback IPv4)" };
        var threads = new Option<int>("--threads") { Description = "Evaluation threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("silo", "Run a worker silo that evaluates fitness batches for rp evolve --cluster (Ctrl+C stops it)")
        {
            cluster, port, gateway, primary, advertise, threads,
        };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var spec = ClusterCliOptions.Parse(parse.GetValue(cluster));
            var endpoints = new SiloEndpoints(
                CheckPort(parse.GetValue(port), "--port"),
                CheckPort(parse.GetValue(gateway), "--gateway-port"),
                CheckPort(parse.GetValue(primary), "--primary-port"),
                Address(parse.GetValue(advertise), spec));
            var n = parse.GetValue(threads);
            if (n < 1)
            {
                throw new BadInputException("--threads must be at least 1");
            }

            var seeds = EvolveInputs.LoadSeedTypes(output.Warn);
            if (seeds.Count == 0)
            {
                throw new BadInputException("no seed types are available: no plugin providing seed types was loaded");
            }

            using var host = Build(spec, endpoints, new SiloSeedTypes([.. seeds.Select(s => (s.Seed, s.VersionTag))]), new ClusterSiloOptions { EvaluationThreads = n });
            await host.StartAsync(ct);
            output.Info(string.Create(
                CultureInfo.InvariantCulture,
                $"silo ready: {(spec.Kind == ClusterKind.Localhost ? "localhost" : spec.ToString())} silo {endpoints.AdvertisedAddress}:{endpoints.SiloPort} gateway {endpoints.GatewayPort}, {n} evaluation threads, seed types {string.Join(", ", seeds.Select(s => s.Seed.Id))}"));
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                output.Info("stopping the silo");
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(stop.Token);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>A worker silo host (not started): clustering, endpoints, evaluation service, warnings and errors on stderr.</summary>
    public static IHost Build(ClusterSpec spec, SiloEndpoints endpoints, SiloSeedTypes seeds, ClusterSiloOptions options)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Error || (level >= LogLevel.Warning && category?.Contains("Watchdog", StringComparison.Ordinal) != true));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo =>
        {
            silo.UseCluster(spec, endpoints);
            silo.Services.AddEvaluationService(seeds, options);
        });
        return builder.Build();
    }

    private static int CheckPort(int port, string option) =>
        port is > 0 and < 65536 ? port : throw new BadInputException($"{option} must be a port between 1 and 65535");

    private static IPAddress Address(string? text, ClusterSpec spec)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return IPAddress.TryParse(text, out var ip) ? ip : throw new BadInputException($"--advertise: '{text}' is not an IP address");
        }

        return spec.Kind == ClusterKind.Localhost ? IPAddress.Loopback : ClusterHosting.DefaultAdvertisedAddress();
    }
}
