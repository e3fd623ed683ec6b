namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>SMTP settings of an EMAIL channel. <paramref name="Security"/> is <c>starttls</c>, <c>ssl</c> or <c>none</c>.</summary>
public sealed record SmtpSettings(
    string Host,
    int Port,
    string Security,
    string? Username,
    SecretSource? Password,
    string From,
    IReadOnlyList<string> To);
