using System.Diagnostics;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>A running CLI process (<c>dotnet rp.dll</c> next to the tests) in a given workspace: wait for its output, interrupt it like Ctrl+C.</summary>
internal sealed class RpSession
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly List<string> _stderr = [];

    private RpSession(string workspace, string[] args, IReadOnlyDictionary<string, string>? environment = null)
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

        psi.Environment["RP_WORKSPACE"] = workspace;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet rp.dll");
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Add(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static RpSession Start(string workspace, params string[] args) => new(workspace, args);

    /// <summary>Starts with extra environment variables.</summary>
    public static RpSession Start(string workspace, IReadOnlyDictionary<string, string> environment, params string[] args) => new(workspace, args, environment);

    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workspace, params string[] args)
    {
        var p = Start(workspace, args);
        return await p.WaitAsync(TimeSpan.FromMinutes(5));
    }

    public async Task<(int Exit, string Stdout, string Stderr)> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        var stdout = await _stdout;
        _process.WaitForExit(); // flushes the asynchronous stderr reader
        return (_process.ExitCode, stdout, Stderr);
    }

    /// <summary>Waits until stderr contains <paramref name="text"/>.</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // HasExited can turn true before the asynchronous reader delivered the last lines: drain it, then decide
                _process.WaitForExit();
                if (Stderr.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException($"'{text}' not seen on stderr: the process exited with {_process.ExitCode}; stderr: {Stderr}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"'{text}' not seen on stderr within {timeout.TotalSeconds:0} s: {Stderr}");
            }

            await Task.Delay(20);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process at once (SIGKILL on Unix, like kill -9): no handler, no flush, no cleanup runs.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Sends SIGINT (what Ctrl+C sends).</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Sends SIGTERM (what a service manager or <c>kill</c> sends).</summary>
    public void Terminate() => Signal("-TERM");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
