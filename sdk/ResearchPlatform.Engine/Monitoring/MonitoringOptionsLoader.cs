using System.Text.Json;
using ResearchPlatform.Engine.Alerts.Configuration;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Reads the optional <c>monitoring</c> section of <c>alerts.json</c> into <see cref="MonitoringOptions"/>, reporting
/// every invalid field by path (<c>monitoring.thresholds[1].op: ...</c>) through <see cref="AlertsConfigException"/>.
/// </summary>
public static class MonitoringOptionsLoader
{
    /// <summary>The workspace's options (defaults when <c>alerts.json</c> or its <c>monitoring</c> section is absent).</summary>
    public static MonitoringOptions LoadOrDefault(string workspaceRoot)
    {
        var file = Path.Combine(workspaceRoot, AlertsConfigLoader.FileName);
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : new MonitoringOptions();
    }

    /// <summary>Parses the <c>monitoring</c> section of an <c>alerts.json</c> document.</summary>
    public static MonitoringOptions Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("monitoring", out var m))
        {
            return new MonitoringOptions();
        }

        const string at = "monitoring";
        var r = new Reader(".");
        if (m.ValueKind != JsonValueKind.Object)
        {
            throw new AlertsConfigException([at + ": must be an object"]);
        }

        r.Known(m, at, "interval_seconds", "thresholds", "anomaly_metrics", "anomaly_window", "robust_z", "ewma_alpha", "ewma_z",
            "cascade_window_seconds", "raw_retention_hours", "minute_retention_days");
        var defaults = new MonitoringOptions();
        var options = new MonitoringOptions
        {
            Interval = TimeSpan.FromSeconds(r.Number(m, "interval_seconds", at, defaults.Interval.TotalSeconds, 0.1, 86_400)),
            Thresholds = m.TryGetProperty("thresholds", out var th) ? Thresholds(r, th) : defaults.Thresholds,
            AnomalyMetrics = m.TryGetProperty("anomaly_metrics", out var am) && am.ValueKind == JsonValueKind.Array
                ? am.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : defaults.AnomalyMetrics,
            AnomalyWindow = (int)r.Number(m, "anomaly_window", at, defaults.AnomalyWindow, 10, 100_000),
            RobustZThreshold = r.Number(m, "robust_z", at, defaults.RobustZThreshold, 1, 1000),
            EwmaAlpha = r.Number(m, "ewma_alpha", at, defaults.EwmaAlpha, 0.001, 1),
            EwmaThreshold = r.Number(m, "ewma_z", at, defaults.EwmaThreshold, 1, 1000),
            CascadeWindow = TimeSpan.FromSeconds(r.Number(m, "cascade_window_seconds", at, defaults.CascadeWindow.TotalSeconds, 1, 86_400)),
            RawRetention = TimeSpan.FromHours(r.Number(m, "raw_retention_hours", at, defaults.RawRetention.TotalHours, 0.01, 10_000)),
            MinuteRetention = TimeSpan.FromDays(r.Number(m, "minute_retention_days", at, defaults.MinuteRetention.TotalDays, 0.01, 10_000)),
        };
        return r.Errors.Count > 0 ? throw new AlertsConfigException(r.Errors) : options;
    }

    private static List<ThresholdRule> Thresholds(Reader r, JsonElement th)
    {
        var list = new List<ThresholdRule>();
        if (th.ValueKind != JsonValueKind.Array)
        {
            r.Errors.Add("monitoring.thresholds: must be an array of {metric, op, value, level}");
            return list;
        }

        var i = 0;
        foreach (var t in th.EnumerateArray())
        {
            var at = $"monitoring.thresholds[{i++}]";
            r.Known(t, at, "metric", "op", "value", "level");
            var metric = r.String(t, "metric", at, required: true) ?? string.Empty;
            var op = r.String(t, "op", at, required: true) ?? ">";
            if (op is not (">" or "<"))
            {
                r.Errors.Add($"{at}.op: '{op}' is not one of >, <");
            }

            if (!t.TryGetProperty("value", out _))
            {
                r.Errors.Add($"{at}.value: required");
            }

            list.Add(new ThresholdRule(metric, op, r.Number(t, "value", at, 0, double.MinValue, double.MaxValue), r.Level(t, "level", at, Sdk.Alerts.AlertLevel.Warning)));
        }

        return list;
    }
}
