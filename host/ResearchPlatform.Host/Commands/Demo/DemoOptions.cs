using System.CommandLine;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>The options of <c>rp demo</c>.</summary>
internal sealed class DemoOptions
{
    public Option<string> Size { get; } = new Option<string>("--size")
    {
        Description = "quick (CI: population 24 x 4 generations) or full (population 200 x 20 generations)",
        DefaultValueFactory = _ => "full",
    }.AcceptOnlyFromAmong("quick", "full");

    public Option<int?> Generations { get; } = new("--generations") { Description = "Generations (overrides the size's)" };

    public Option<int?> Population { get; } = new("--population") { Description = "Individuals per generation (overrides the size's)" };

    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed of the evolution (same seed = same demo)", DefaultValueFactory = _ => 42 };

    public Option<string> Speed { get; } = new("--speed") { Description = "Paper replay pace: max or Nx real time (e.g. 86400x = one daily bar per second)", DefaultValueFactory = _ => "max" };

    public Option<bool> Fresh { get; } = new("--fresh") { Description = "Wipe the demo workspace first (otherwise a rerun reuses what earlier runs completed)" };

    public Option<bool> Serve { get; } = new("--serve") { Description = "At the end keep `rp serve` (API + dashboard) up on the demo workspace until Ctrl+C" };

    public Option<int> Port { get; } = new("--port") { Description = "Port of --serve (0 = any free port)", DefaultValueFactory = _ => 5000 };

    public Option<string?> Report { get; } = new("--report") { Description = "Where to write the HTML report (default: WORKSPACE/demo/report.html)" };

    public Option<string?> Samples { get; } = new("--samples") { Description = "Folder holding BTCUSD-coinbase-1d.csv (default: ./samples, else the samples shipped next to rp)" };

    public Option<string?> Rules { get; } = new("--rules") { Description = "Rules folder (default ./rules, else the shipped rules)" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public IEnumerable<Option> All => [Size, Generations, Population, Seed, Speed, Fresh, Serve, Port, Report, Samples, Rules, Json];
}
