namespace ResearchPlatform.Sdk.Execution;

/// <summary>Command: cancel a working order, identified by client order id or exchange order id (one is required).</summary>
public sealed record CancelOrder(string Symbol, string? ClientOrderId, string? ExchangeOrderId = null);
