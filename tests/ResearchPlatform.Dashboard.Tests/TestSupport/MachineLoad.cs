using System.Globalization;

namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>
/// The 1-minute load average per core (Linux /proc/loadavg). Timing budgets are only meaningful on a machine that is
/// not oversubscribed: on a dev box shared by many parallel builds a browser waits seconds for a core.
/// </summary>
internal static class MachineLoad
{
    /// <summary>Above this many runnable tasks per core, timings measure the neighbours, not the code.</summary>
    public const double OverloadedPerCore = 4;

    public static double PerCore()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
