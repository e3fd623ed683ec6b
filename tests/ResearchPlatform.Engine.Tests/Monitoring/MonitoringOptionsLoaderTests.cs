using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Monitoring;

public sealed class MonitoringOptionsLoaderTests
{
    [Fact]
    public void Parse_MonitoringSection_ReadsThresholdsAndDetectors()
    {
        var o = MonitoringOptionsLoader.Parse("""
        { "channels": [], "monitoring": { "interval_seconds": 5, "robust_z": 4.5, "anomaly_metrics": ["trading.pnl"],
          "thresholds": [ { "metric": "trading.drawdown", "op": ">", "value": 0.2, "level": "emergency" } ] } }
        """);

        Assert.Equal(TimeSpan.FromSeconds(5), o.Interval);
        Assert.Equal(4.5, o.RobustZThreshold);
        Assert.Equal(["trading.pnl"], o.AnomalyMetrics);
        Assert.Equal(new ThresholdRule("trading.drawdown", ">", 0.2, AlertLevel.Emergency), Assert.Single(o.Thresholds));
    }

    [Fact]
    public void Parse_BadThreshold_NamesTheField()
    {
        var ex = Assert.Throws<AlertsConfigException>(() => MonitoringOptionsLoader.Parse("""
        { "monitoring": { "ewma_alpha": 3, "thresholds": [ { "metric": "system.cpu_percent", "op": ">=", "value": 90 }, { "op": "<" } ] } }
        """));

        Assert.Contains("monitoring.ewma_alpha: must be a number in 0.001..1", ex.Errors);
        Assert.Contains("monitoring.thresholds[0].op: '>=' is not one of >, <", ex.Errors);
        Assert.Contains("monitoring.thresholds[1].metric: required", ex.Errors);
        Assert.Contains("monitoring.thresholds[1].value: required", ex.Errors);
    }
}
