using System.Diagnostics;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands.Evolution;

/// <summary><c>rp evolve</c> on a real terminal (a pseudo-terminal from util-linux <c>script</c>): the live progress display.</summary>
public sealed class EvolveTerminalProgressTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Evolve_StderrOnATerminalStdoutToAFile_ShowsTheProgressBarAndWritesTheJson()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            output.WriteLine("skipped: /usr/bin/script (util-linux) is not installed, no pseudo-terminal to run rp in");
            return;
        }

        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);
        var json = _dir.File("run.json");
        var typescript = _dir.File("terminal.txt");
        var rp = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "rp.dll")}' evolve --data '{data}' --population 16 --generations 3 --folds 3 --seed-types momentum --no-alerts --json > '{json}'";
        var psi = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-qec", rp, typescript })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["RP_WORKSPACE"] = _dir.Path;
        psi.Environment["TERM"] = "xterm";
        using var process = Process.Start(psi)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        await drain;

        var terminal = await File.ReadAllTextAsync(typescript);
        Assert.True(process.ExitCode == 0, terminal);
        // the bar (Spectre redraws it with cursor movements) carries generation, best / mean fitness, diversity, steps/s
        Assert.Contains("\u001b[2A", terminal, StringComparison.Ordinal);
        Assert.Contains("100%", terminal, StringComparison.Ordinal);
        Assert.Matches(@"gen 3/3 best -?\d+\.\d{3} mean -?\d+\.\d{3} div \d\.\d\d", terminal);
        Assert.Contains("steps/s", terminal, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("completed", doc.RootElement.GetProperty("status").GetString());
    }
}
