namespace ResearchPlatform.Engine.Alerts;

/// <summary>One delivery state to store (<see cref="AlertStore.RecordDeliveries"/>).</summary>
public sealed record DeliveryRecord(string AlertId, string Channel, int Stage, string Status, int Attempts, string? Error, DateTimeOffset At);
