using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>A real <c>rp serve --port 0</c> process: waits for the printed URL, sends SIGTERM, collects the output.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(string workspace, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rp.dll"));
        psi.ArgumentList.Add("serve");
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add("0");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["RP_WORKSPACE"] = workspace;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet rp.dll serve");
        _process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data, parseUrl: true);
        _process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data, parseUrl: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _url.TrySetException(new InvalidOperationException("rp serve exited early: " + Stderr));
    }

    public string Stdout => Joined(_stdout);

    public string Stderr => Joined(_stderr);

    public static Task<(ServeProcess Process, Uri Url)> StartAsync(string workspace, params string[] args) => StartAsync(workspace, null, args);

    /// <summary>Starts with extra environment variables (test-only switches).</summary>
    public static async Task<(ServeProcess Process, Uri Url)> StartAsync(string workspace, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var p = new ServeProcess(workspace, args, environment);
        try
        {
            var url = await p._url.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return (p, new Uri(url));
        }
        catch
        {
            p.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM (what systemd and docker send) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the asynchronous readers
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs (a crash).</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex UrlPattern();

    private static string Joined(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }

    private void OnLine(List<string> lines, string? line, bool parseUrl)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (parseUrl && UrlPattern().Match(line) is { Success: true } m)
        {
            _url.TrySetResult(m.Groups[1].Value);
        }
    }
}
