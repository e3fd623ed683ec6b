using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts.Configuration;

public sealed class AlertsConfigLoaderTests
{
    [Fact]
    public void Parse_ValidFile_ReadsChannelsSecretsAndEscalation()
    {
        const string json = """
        {
          "throttle_window_seconds": 120,
          "channels": [
            { "name": "console", "type": "console", "stream": "stdout" },
            { "name": "file", "type": "file", "path": "logs/a.jsonl", "max_bytes": 2048, "max_files": 3 },
            { "name": "mail", "type": "email", "min_level": "critical", "escalation_only": true,
              "retry": { "max_attempts": 4, "initial_delay_ms": 100, "max_delay_ms": 1000 },
              "smtp": { "host": "smtp.example.org", "port": 587, "username": "bot", "password_env": "RP_SMTP_PASSWORD",
                        "from": "rp@example.org", "to": ["ops@example.org"] } },
            { "name": "discord", "type": "discord", "url_file": "secrets/discord.url", "rate_limit_per_minute": 5 }
          ],
          "escalation": [ { "after_seconds": 300, "channels": ["mail"] } ]
        }
        """;

        var c = AlertsConfigLoader.Parse(json, "/ws");

        Assert.Equal(TimeSpan.FromMinutes(2), c.ThrottleWindow);
        Assert.Equal(["console", "file", "mail", "discord"], c.Channels.Select(x => x.Name));
        Assert.Equal("stdout", c.Channels[0].Stream);
        Assert.Equal(("/ws/logs/a.jsonl", 2048L, 3), (c.Channels[1].Path, c.Channels[1].MaxBytes, c.Channels[1].MaxFiles));
        var mail = c.Channels[2];
        Assert.Equal((AlertLevel.Critical, true, 4), (mail.MinLevel, mail.EscalationOnly, mail.Retry.MaxAttempts));
        Assert.Equal(new SecretSource("RP_SMTP_PASSWORD", null), mail.Smtp!.Password);
        Assert.Equal(("smtp.example.org", 587, "starttls"), (mail.Smtp.Host, mail.Smtp.Port, mail.Smtp.Security));
        Assert.Equal(new SecretSource(null, "/ws/secrets/discord.url"), c.Channels[3].Url);
        Assert.Equal(5, c.Channels[3].RateLimitPerMinute);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(c.Escalation).After);
        Assert.Equal(["mail"], c.Escalation[0].Channels);
    }

    [Fact]
    public void Parse_BadFields_ReportsEveryFieldByPath()
    {
        const string json = """
        {
          "channels": [
            { "name": "a", "type": "pager" },
            { "name": "b", "type": "slack", "url": "https://hooks.slack.com/services/T/B/X" },
            { "name": "c", "type": "email", "min_level": "loud", "smtp": { "host": "h", "port": 70000, "from": "nobody", "to": [] } },
            { "name": "d", "type": "webhook", "url_env": "X", "retry": { "max_attempts": 0 } },
            { "name": "d", "type": "console" }
          ],
          "escalation": [ { "after_seconds": 60, "channels": ["zzz"] } ]
        }
        """;

        var ex = Assert.Throws<AlertsConfigException>(() => AlertsConfigLoader.Parse(json, "/ws"));

        Assert.Contains("channels[0].type: 'pager' is not one of console, file, email, discord, slack, webhook", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("channels[1].url: secrets are never inlined", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("channels[1].url_env: required", StringComparison.Ordinal));
        Assert.Contains("channels[2].min_level: 'loud' is not one of informational, warning, critical, emergency", ex.Errors);
        Assert.Contains("channels[2].smtp.port: must be a number in 1..65535", ex.Errors);
        Assert.Contains("channels[2].smtp.from: 'nobody' is not an e-mail address", ex.Errors);
        Assert.Contains("channels[2].smtp.to: required, an array of e-mail addresses", ex.Errors);
        Assert.Contains("channels[3].retry.max_attempts: must be a number in 1..100", ex.Errors);
        Assert.Contains("channels: name 'd' is used 2 times", ex.Errors);
        Assert.Contains("escalation[0].channels: no channel named 'zzz'", ex.Errors);
        Assert.DoesNotContain("hooks.slack.com", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingEnvironmentVariable_NamesVariableNotValue()
    {
        var ex = Assert.Throws<AlertsConfigException>(() => new SecretSource("RP_TEST_SURELY_UNSET_VAR", null).Resolve("channels['x'].url"));

        Assert.Equal("channels['x'].url: environment variable RP_TEST_SURELY_UNSET_VAR is not set", Assert.Single(ex.Errors));
    }
}
