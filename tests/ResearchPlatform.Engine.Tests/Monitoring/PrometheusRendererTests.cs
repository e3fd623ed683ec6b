using System.Text.RegularExpressions;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Monitoring;

namespace ResearchPlatform.Engine.Tests.Monitoring;

public sealed partial class PrometheusRendererTests
{
    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\n|[^"\\\n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\n|[^"\\\n])*")*\})? (NaN|[+-]Inf|-?[0-9.eE+-]+)$""")]
    private static partial Regex SampleLine();

    private static MonitoringSnapshot Snapshot() => new(
        new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        new SystemHealth(12.5, 1_000_000, 500_000, 3, 2, 1, 1500, 8, 0, 30, 10_000_000_000, 20_000_000_000),
        new EvolutionMetrics("run \"7\"\\x\ny", 12, 1.5, 0.75, 0.2, 1),
        new TradingMetrics(double.NaN, double.PositiveInfinity, 0.05, 0.55, 0.4, 2),
        [new ComponentStatus("venue", "faulted", true), new ComponentStatus("risk", "running", false)]);

    [Fact]
    public void Render_SnapshotAndCounters_FollowsTextFormat004()
    {
        var counters = new AlertCounters();
        counters.CountRaised("CRITICAL", "SYSTEM");
        counters.CountRaised("CRITICAL", "SYSTEM");
        counters.CountDelivery("slack", "delivered");

        var text = PrometheusRenderer.Render(Snapshot(), counters);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        string? family = null;
        var seen = new HashSet<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                family = line.Split(' ')[2];
                Assert.True(seen.Add(family), $"family {family} appears twice");
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(family, parts[2]);
                Assert.Contains(parts[3], new[] { "gauge", "counter" });
                continue;
            }

            Assert.Matches(SampleLine(), line);
            Assert.StartsWith(family!, line, StringComparison.Ordinal);
        }

        Assert.Contains("rp_process_cpu_percent 12.5\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_dotnet_gc_collections_total{generation=\"2\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_dotnet_gc_pause_seconds_total 1.5\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_evolution_generation{run_id=\"run \\\"7\\\"\\\\x\\ny\"} 12\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_trading_pnl NaN\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_trading_sharpe +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_component_up{component=\"venue\",state=\"faulted\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_alerts_total{level=\"CRITICAL\",category=\"SYSTEM\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_alert_deliveries_total{channel=\"slack\",outcome=\"delivered\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE rp_alerts_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("rp_snapshot_timestamp_seconds 1772323200\n", text, StringComparison.Ordinal);
    }
}
