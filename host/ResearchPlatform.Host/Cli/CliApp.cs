using System.CommandLine;
using ResearchPlatform.Host.Commands;
using ResearchPlatform.Host.Commands.Backtest;
using ResearchPlatform.Host.Commands.Bench;
using ResearchPlatform.Host.Commands.Data;
using ResearchPlatform.Host.Commands.Decisions;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Cli;

/// <summary>Builds the root command and runs it with the product's exit-code conventions.</summary>
public static class CliApp
{
    /// <summary>Builds the command tree. Each command group registers itself here, one line each.</summary>
    public static RootCommand Build()
    {
        var common = new CommonOptions();
        var root = new RootCommand("ResearchPlatform: research, evolve and trade crypto strategies");
        root.Options.Add(common.Workspace);
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(PluginsCommand.Create());
        root.Subcommands.Add(DataCommand.Create(common));
        root.Subcommands.Add(BenchCommand.Create(common));
        root.Subcommands.Add(BacktestCommand.Create(common));
        root.Subcommands.Add(EvolveCommand.Create(common));
        root.Subcommands.Add(RunsCommand.Create(common));
        root.Subcommands.Add(Commands.Paper.PaperCommand.Create(common));
        root.Subcommands.Add(Commands.Paper.OrdersCommand.Create(common));
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(DecideCommand.Create(common));
        root.Subcommands.Add(DecisionsCommand.Create(common));
        root.Subcommands.Add(Commands.Strategies.StrategiesCommand.Create(common));
        root.Subcommands.Add(Commands.Notebook.NotebookCommand.Create(common));
        root.Subcommands.Add(Commands.Alerts.AlertsCommand.Create(common));
        root.Subcommands.Add(Commands.RiskEvolution.EvolveRiskCommand.Create(common));
        root.Subcommands.Add(Commands.RiskEvolution.RiskRunsCommand.Create(common));
        root.Subcommands.Add(Commands.Cluster.SiloCommand.Create());
        root.Subcommands.Add(Commands.Cluster.ClusterCommand.Create());
        root.Subcommands.Add(Commands.Serve.ServeCommand.Create(common));
        root.Subcommands.Add(Commands.Hyperliquid.HyperliquidCommand.Create());
        root.Subcommands.Add(Commands.Venue.VenueCommand.Create());
        root.Subcommands.Add(Commands.Demo.DemoCommand.Create(common));
        root.Subcommands.Add(Commands.Risk.RiskCommand.Create(common));
        return root;
    }

    /// <summary>Parses and runs; parse errors exit with 2.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (UnknownOptions.Find(parse) is { } unknownOption)
        {
            await Console.Error.WriteLineAsync($"error: unknown option '{unknownOption}' for '{UnknownOptions.CommandPath(parse)}' (see: --help)");
            return ExitCodes.BadInput;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message);
            }

            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        // rp evolve winds its stopped run down itself after Ctrl+C (Program cancels the token): status, report and its GENETIC
        // alert, which waits for delivery; System.CommandLine's termination handler would end it with 130 instead of exit code 1.
        if (parse.CommandResult.Command.Name == "evolve")
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, ct);
        }

        // rp serve stops its components and flushes journals and alerts after SIGTERM: give it 30 s before the process is ended.
        var serve = parse.CommandResult.Command.Name == "serve";
        return await parse.InvokeAsync(serve ? new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) } : new InvocationConfiguration(), ct);
    }
}
