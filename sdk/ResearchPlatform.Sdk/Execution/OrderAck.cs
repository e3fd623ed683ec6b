namespace ResearchPlatform.Sdk.Execution;

/// <summary>The venue's synchronous answer to <see cref="SubmitOrder"/>: accepted with an exchange id, or rejected with a reason.</summary>
public sealed record OrderAck(string ClientOrderId, string? ExchangeOrderId, bool Accepted, string? RejectReason, DateTimeOffset Timestamp);
