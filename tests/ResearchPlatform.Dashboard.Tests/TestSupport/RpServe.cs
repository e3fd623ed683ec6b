using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>
/// A real <c>rp serve</c> process (<c>dotnet rp.dll</c> from the test output folder) on a free loopback port, in a given
/// workspace. Stopped with SIGTERM (graceful) on dispose, killed if it does not exit.
/// </summary>
internal sealed class RpServe : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RpServe(Process process, string workspace, int port)
    {
        _process = process;
        Workspace = workspace;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public string Workspace { get; }

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The control token the service wrote at its first start.</summary>
    public string Token() => File.ReadAllText(Path.Combine(Workspace, "serve.token")).Trim();

    /// <summary>Runs one rp command to completion in the workspace (for setup: data import, decide).</summary>
    public static async Task<string> RunAsync(string workspace, params string[] args)
    {
        using var p = Start(workspace, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"rp {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}{await stdout}");
        }

        return await stdout;
    }

    /// <summary>Starts <c>rp serve --port P ...extra</c> and waits until /api/health answers.</summary>
    public static async Task<RpServe> StartAsync(string workspace, IEnumerable<string> extra, TimeSpan timeout)
    {
        var port = FreePort();
        string[] args = ["serve", "--port", port.ToString(CultureInfo.InvariantCulture), .. extra];
        var serve = new RpServe(Start(workspace, args), workspace, port);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        while (true)
        {
            if (serve._process.HasExited)
            {
                throw new InvalidOperationException($"rp serve exited {serve._process.ExitCode} before answering: {serve.Log}");
            }

            try
            {
                using var res = await http.GetAsync(new Uri("api/health", UriKind.Relative));
                if (res.StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (sw.Elapsed > timeout)
            {
                await serve.DisposeAsync();
                throw new TimeoutException($"rp serve did not answer /api/health within {timeout.TotalSeconds} s: {serve.Log}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static Process Start(string workspace, string[] args)
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
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet rp.dll");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
