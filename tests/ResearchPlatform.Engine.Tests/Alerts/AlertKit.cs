using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts;

/// <summary>Alerts and services for the alert tests.</summary>
internal static class AlertKit
{
    public static Alert Make(AlertLevel level = AlertLevel.Warning, string key = "k1", string title = "Drawdown above limit", DateTimeOffset? at = null,
        AlertCategory category = AlertCategory.Trading) =>
        new(level, category, key, title, "Daily drawdown 6.2% > 5%", "risk_manager",
            new Dictionary<string, string> { ["symbol"] = "BTC/USDT", ["drawdown"] = "0.062" },
            at ?? new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public static AlertChannelConfig Channel(string name, AlertLevel min = AlertLevel.Informational, bool escalationOnly = false, int attempts = 3, int perMinute = 100) => new()
    {
        Name = name, Type = AlertChannelType.Webhook, MinLevel = min, EscalationOnly = escalationOnly, RateLimitPerMinute = perMinute,
        Retry = new RetryPolicy(attempts, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
        Timeout = TimeSpan.FromMilliseconds(500),
    };

    public static AlertService Service(ResearchDatabase db, AlertsConfig config, TimeProvider time, params IAlertChannel[] channels) =>
        new(config, new AlertStore(db), channels.ToDictionary(c => c.Name), new SecretRedactor(), time);

    public static async Task Flush(AlertService service) => Assert.True(await service.FlushAsync(TimeSpan.FromSeconds(120), CancellationToken.None), "alert pipeline did not drain in 120 s");
}
