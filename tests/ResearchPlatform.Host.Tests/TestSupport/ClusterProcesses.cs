using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>Helpers for tests that run real <c>rp silo</c> and <c>redis-server</c> processes on loopback.</summary>
internal static class ClusterProcesses
{
    /// <summary>Distinct free TCP ports on 127.0.0.1 (bound to port 0, then released).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    /// <summary>Starts a worker silo and waits until it is ready.</summary>
    public static async Task<RpSession> StartSiloAsync(string workspace, string cluster, int port, int gateway, int primary, params string[] extra)
    {
        var silo = RpSession.Start(
            workspace,
            [
                "silo", "--cluster", cluster, "--port", P(port), "--gateway-port", P(gateway), "--primary-port", P(primary), "--threads", "1", .. extra,
            ]);
        await silo.WaitForStderrAsync("silo ready", TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster.</summary>
    public static void Kill(RpSession session)
    {
        using var p = Process.GetProcessById(session.Id);
        p.Kill();
        p.WaitForExit(10_000);
    }

    /// <summary>Stops a silo (SIGINT), or kills it when it does not stop in time.</summary>
    public static async Task StopAsync(RpSession? session)
    {
        if (session is null)
        {
            return;
        }

        try
        {
            session.Interrupt();
            await session.WaitAsync(TimeSpan.FromSeconds(25));
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            try
            {
                Kill(session);
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }

    /// <summary>The repository's samples/ file, found by walking up from the test output folder.</summary>
    public static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/" + name + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? OnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, exe))
            .FirstOrDefault(File.Exists);

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
        }
    }

    public static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
