namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>The kinds of alert channel.</summary>
public enum AlertChannelType
{
    Console,
    File,
    Email,
    Discord,
    Slack,
    Webhook,
}
