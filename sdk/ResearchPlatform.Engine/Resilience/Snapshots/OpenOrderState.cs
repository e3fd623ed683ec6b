namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>An order not yet terminal when the snapshot was taken.</summary>
internal sealed record OpenOrderState(string ClientOrderId, string Side, string State, decimal Quantity, decimal Filled);
