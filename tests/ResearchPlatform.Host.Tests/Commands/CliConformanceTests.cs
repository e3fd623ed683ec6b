using System.CommandLine;
using System.Text.Json;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// Walks the whole command tree the host builds and checks every leaf command as a user meets it, through the real
/// <c>rp</c> process: help, <c>--json</c>, unknown options, one JSON document. A new command is checked automatically.
/// </summary>
public sealed class CliConformanceTests
{
    /// <summary>
    /// Leaves that do not print a result, so <c>--json</c> does not apply: long-running servers that log to stderr until
    /// Ctrl+C (their state is read through their own APIs: <c>rp cluster status</c>, the serve JSON API, the venue REST API).
    /// </summary>
    private static readonly HashSet<string> NoJsonAllowed = new(StringComparer.Ordinal)
    {
        "silo",        // Orleans worker silo, runs until Ctrl+C; inspected with `rp cluster status --json`
        "serve",       // the trading service, runs until Ctrl+C; its API under /api is JSON
        "venue serve", // the local Hyperliquid venue, runs until Ctrl+C; its REST API is JSON
    };

    /// <summary>Leaves that run offline on an empty workspace, without a server or input file: their --json must be one document.</summary>
    private static readonly string[][] OfflineJson =
    [
        ["version"], ["plugins", "list"], ["data", "list"], ["runs", "list"], ["orders", "list"], ["decisions", "list"],
        ["strategies", "list"], ["alerts", "list"], ["risk-runs", "list"], ["risk", "events"], ["rules", "check"],
    ];

    [Fact]
    public void Tree_EveryCommandOptionAndArgument_HasADescription()
    {
        var missing = new List<string>();
        foreach (var (path, command) in Commands(CliApp.Build(), []))
        {
            var name = path.Length == 0 ? "rp" : "rp " + string.Join(' ', path);
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(name);
            }

            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{name} {o.Name}"));
            missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{name} <{a.Name}>"));
        }

        Assert.True(missing.Count == 0, "without a description: " + string.Join(", ", missing));
    }

    [Fact]
    public void Tree_EveryLeafThatPrintsAResult_HasJsonOption()
    {
        var leaves = Leaves();
        Assert.True(leaves.Count >= 40, $"only {leaves.Count} leaf commands found: is the tree walk broken?");
        var unknownAllowed = NoJsonAllowed.Where(a => !leaves.Any(l => l.Name == a)).ToList();
        Assert.True(unknownAllowed.Count == 0, "allow-list names commands that no longer exist: " + string.Join(", ", unknownAllowed));
        var missing = leaves.Where(l => !NoJsonAllowed.Contains(l.Name) && !l.Command.Options.Any(o => o.Name == "--json")).Select(l => l.Name).ToList();
        Assert.True(missing.Count == 0, "leaf commands without --json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Help_EveryLeaf_ExitsZeroWithDescriptionUsageAndJsonOption()
    {
        var failures = await ForEachLeafAsync(async leaf =>
        {
            var r = await RpProcess.RunAsync([.. leaf.Path, "--help"]);
            var problems = new List<string>();
            if (r.ExitCode != 0)
            {
                problems.Add($"exit {r.ExitCode}");
            }

            if (!r.StdOut.Contains("Description:", StringComparison.Ordinal) || !r.StdOut.Contains(FirstLine(leaf.Command.Description), StringComparison.Ordinal))
            {
                problems.Add("no description");
            }

            if (!r.StdOut.Contains("Usage:", StringComparison.Ordinal) || !r.StdOut.Contains("rp " + string.Join(' ', leaf.Path), StringComparison.Ordinal))
            {
                problems.Add("no usage line");
            }

            if (!NoJsonAllowed.Contains(leaf.Name) && !r.StdOut.Contains("--json", StringComparison.Ordinal))
            {
                problems.Add("--json not in help");
            }

            return problems;
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task UnknownOption_EveryLeaf_Exits2WithMessageOnStderrAndNothingOnStdout()
    {
        using var ws = new TempDir();
        var failures = await ForEachLeafAsync(async leaf =>
        {
            var r = await RpProcess.RunAsync([.. leaf.Path, "--no-such-option", "--workspace", ws.Path]);
            var problems = new List<string>();
            if (r.ExitCode != 2)
            {
                problems.Add($"exit {r.ExitCode}");
            }

            if (r.StdOut.Length > 0)
            {
                problems.Add("stdout: " + r.StdOut[..Math.Min(80, r.StdOut.Length)]);
            }

            if (!r.StdErr.Contains("'--no-such-option'", StringComparison.Ordinal) || r.StdErr.Contains("   at ", StringComparison.Ordinal))
            {
                problems.Add("stderr does not name the option (or shows a stack trace): " + r.StdErr[..Math.Min(160, r.StdErr.Length)]);
            }

            return problems;
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Json_OfflineCommandsOnEmptyWorkspace_PrintExactlyOneJsonDocument()
    {
        using var ws = new TempDir();
        var failures = new List<string>();
        foreach (var path in OfflineJson)
        {
            Assert.Contains(Leaves(), l => l.Name == string.Join(' ', path));
            var r = await RpProcess.RunAsync([.. path, "--json", "--workspace", ws.Path]);
            if (r.ExitCode != 0)
            {
                failures.Add($"rp {string.Join(' ', path)} --json: exit {r.ExitCode}: {r.StdErr}");
                continue;
            }

            try
            {
                // JsonDocument.Parse rejects trailing content, so a second document or a stray line fails here.
                using var doc = JsonDocument.Parse(r.StdOut);
                Assert.True(doc.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array);
            }
            catch (JsonException ex)
            {
                failures.Add($"rp {string.Join(' ', path)} --json is not one JSON document ({ex.Message}): {r.StdOut[..Math.Min(200, r.StdOut.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task UnknownOption_BeforeAPositionalArgument_IsNotTakenAsItsValue()
    {
        using var ws = new TempDir();
        var r = await RpProcess.RunAsync("runs", "show", "--jsn", "--workspace", ws.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--jsn' for 'rp runs show'", r.StdErr, StringComparison.Ordinal);

        // A negative number is still a valid value where a command takes one.
        Assert.Null(UnknownOptions.Find(CliApp.Build().Parse(["decisions", "show", "-5"])));

        // After "--" a dash-led value is taken literally.
        Assert.Null(UnknownOptions.Find(CliApp.Build().Parse(["runs", "show", "--", "-odd-run"])));
        Assert.Equal("--jsn", UnknownOptions.Find(CliApp.Build().Parse(["runs", "show", "--jsn"])));
    }

    private static string FirstLine(string? text) => (text ?? string.Empty).Split('\n')[0].Trim();

    private static List<(string Name, string[] Path, Command Command)> Leaves() =>
        Commands(CliApp.Build(), []).Where(c => c.Command.Subcommands.Count == 0).Select(c => (string.Join(' ', c.Path), c.Path, c.Command)).ToList();

    private static IEnumerable<(string[] Path, Command Command)> Commands(Command command, string[] path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(s => !s.Hidden))
        {
            foreach (var c in Commands(sub, [.. path, sub.Name]))
            {
                yield return c;
            }
        }
    }

    /// <summary>Runs <paramref name="check"/> for every leaf (four processes at a time) and returns "rp PATH: problem" lines.</summary>
    private static async Task<List<string>> ForEachLeafAsync(Func<(string Name, string[] Path, Command Command), Task<List<string>>> check)
    {
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Leaves().Select(async leaf =>
        {
            await gate.WaitAsync();
            try
            {
                var problems = await check(leaf);
                lock (failures)
                {
                    failures.AddRange(problems.Select(p => $"rp {leaf.Name}: {p}"));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        failures.Sort(StringComparer.Ordinal);
        return failures;
    }
}
