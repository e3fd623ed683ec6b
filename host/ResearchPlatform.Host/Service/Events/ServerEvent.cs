namespace ResearchPlatform.Host.Service.Events;

/// <summary>One Server-Sent Event: its name and the JSON data line.</summary>
internal sealed record ServerEvent(string Name, string Data);
