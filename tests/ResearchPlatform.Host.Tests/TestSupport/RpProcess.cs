using System.Diagnostics;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>Runs the built CLI (<c>dotnet rp.dll ...</c> from the test output folder) as a real process.</summary>
internal static class RpProcess
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rp.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("RP_WORKSPACE");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("rp " + string.Join(' ', args) + " did not finish in 3 minutes");
        }

        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
