using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>
/// One configured channel. Normal delivery goes to every enabled channel whose <see cref="MinLevel"/> the alert reaches,
/// except <see cref="EscalationOnly"/> ones, which only escalation steps use.
/// </summary>
public sealed record AlertChannelConfig
{
    public required string Name { get; init; }

    public required AlertChannelType Type { get; init; }

    public bool Enabled { get; init; } = true;

    public AlertLevel MinLevel { get; init; } = AlertLevel.Informational;

    public bool EscalationOnly { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Most deliveries per minute on this channel; more are recorded as <c>rate_limited</c>.</summary>
    public int RateLimitPerMinute { get; init; } = 30;

    /// <summary>Bounded queue size; a full queue records the delivery as failed, to be retried later.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>CONSOLE: <c>stderr</c> (default) or <c>stdout</c>.</summary>
    public string Stream { get; init; } = "stderr";

    /// <summary>FILE: the JSON lines file (absolute after loading).</summary>
    public string? Path { get; init; }

    /// <summary>FILE: rotate when the file would exceed this size.</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>FILE: rotated files kept (<c>alerts.1.jsonl</c> newest).</summary>
    public int MaxFiles { get; init; } = 5;

    /// <summary>DISCORD/SLACK/WEBHOOK: where the URL (a secret) comes from.</summary>
    public SecretSource? Url { get; init; }

    /// <summary>EMAIL: SMTP settings.</summary>
    public SmtpSettings? Smtp { get; init; }
}
