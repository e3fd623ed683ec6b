using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Commands.Serve;

/// <summary><c>rp serve</c>: the whole system as a long-lived service with the JSON API, event stream and dashboard.</summary>
internal static class ServeCommand
{
    public static Command Create(CommonOptions common)
    {
        var o = new ServeCliOptions();
        var cmd = new Command("serve", "Run the trading system as a service: JSON API under /api, event stream, dashboard at /");
        foreach (var option in o.All)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var options = Options(parse, o, Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists());
            return await RunAsync(options, output, ct);
        }));
        return cmd;
    }

    internal static ServeHostOptions Options(ParseResult parse, ServeCliOptions o, Workspace workspace)
    {
        var bind = parse.GetValue(o.Bind)!;
        if (!IPAddress.TryParse(bind, out _))
        {
            throw new BadInputException($"--bind: '{bind}' is not an IP address");
        }

        var port = parse.GetValue(o.Port);
        if (port is < 0 or > 65535)
        {
            throw new BadInputException($"--port: {port} is not within 0..65535");
        }

        var config = parse.GetValue(o.Config);
        if (config is not null && !File.Exists(config))
        {
            throw new BadInputException($"--config: file not found: {config}");
        }

        var mode = parse.GetValue(o.Mode);
        var settings = new ServeSettings
        {
            WorkspaceRoot = workspace.Root,
            Mode = mode == "live" ? TradingMode.Live : TradingMode.Paper,
            ReplaySymbol = parse.GetValue(o.Replay),
            ReplayInterval = parse.GetValue(o.ReplayInterval)!,
            ReplaySpeed = Speed(parse.GetValue(o.ReplaySpeed)!),
            DecisionEveryBars = Math.Max(0, parse.GetValue(o.DecisionEvery)),
            PluginsFolder = parse.GetValue(o.Plugins),
            RulesFolder = parse.GetValue(o.Rules),
            Live = ServeLiveOptions.Parse(parse, o, mode == "live"),
        };
        return new ServeHostOptions(settings, bind, port, config, mode is not null);
    }

    private static double? Speed(string raw)
    {
        if (string.Equals(raw, "max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var number = raw.EndsWith('x') ? raw[..^1] : raw;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && double.IsFinite(m)
            ? m
            : throw new BadInputException($"--replay-speed: '{raw}' is not max or Nx (e.g. 3600x)");
    }

    internal static async Task<int> RunAsync(ServeHostOptions options, CliOutput output, CancellationToken ct)
    {
        var token = ServeToken.LoadOrCreate(options.Settings.WorkspaceRoot);
        output.Info(token.Created ? $"control token created: {token.Path} (mode 600)" : $"control token: {token.Path}");
        // Create and migrate the workspace database once, before the components and the alert history open it
        // concurrently (two first-time migrations would conflict).
        using (ResearchDatabase.Open(options.Settings.DatabasePath))
        {
        }

        WebApplication built;
        try
        {
            built = ServeHost.Build(options, token);
        }
        catch (AlertsConfigException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        await using var app = built;
        try
        {
            await app.StartAsync(ct);
        }
        catch (OptionsValidationException ex)
        {
            throw new BadInputException("invalid settings: " + string.Join("; ", ex.Failures));
        }

        var started = app.Services.GetRequiredService<ManagerHostedService>().Started;
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "?";
        var mode = options.Settings.Mode.ToString().ToLowerInvariant();
        output.Line($"rp serve: listening on {url} ({mode} mode, workspace {options.Settings.WorkspaceRoot})");
        if (started is { } s)
        {
            var since = TimeProvider.System.GetUtcNow() - Process.GetCurrentProcess().StartTime.ToUniversalTime();
            var h = s.Health;
            var connected = h.Components.Count(c => c.Status == ComponentStatus.Connected);
            var summary = string.Create(CultureInfo.InvariantCulture, $"score {h.HealthScore:0.00}, {connected}/{h.Components.Count} connected");
            output.Line(h.Healthy
                ? string.Create(CultureInfo.InvariantCulture, $"healthy in {s.Elapsed.TotalMilliseconds:0} ms ({summary}; {since.TotalMilliseconds:0} ms since process start)")
                : $"NOT healthy after start ({summary}): see /api/health");
            if (h.LiveTradingBlocked)
            {
                output.Warn(h.BlockedReason!);
            }
        }

        await app.WaitForShutdownAsync(ct);
        output.Info("rp serve: stopped");
        return ExitCodes.Ok;
    }
}
