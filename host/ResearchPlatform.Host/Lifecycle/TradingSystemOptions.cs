using System.ComponentModel.DataAnnotations;

namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Settings of the trading system manager (section <c>TradingSystem</c> of the config), validated at start.</summary>
public sealed class TradingSystemOptions
{
    public const string Section = "TradingSystem";

    public TradingMode Mode { get; set; } = TradingMode.Paper;

    /// <summary>Healthy when connected / total >= this.</summary>
    [Range(0.01, 1.0)]
    public double HealthThreshold { get; set; } = 0.8;

    /// <summary>Upper bound for any component's start (the component's own timeout applies when smaller).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for any component's stop.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Latency samples kept per operation for percentiles.</summary>
    [Range(16, 1_000_000)]
    public int OperationSamples { get; set; } = 1024;
}
