namespace ResearchPlatform.Engine.Execution;

/// <summary>A state change that the state machine refused; it was logged and counted, never applied.</summary>
internal sealed record IllegalTransition(string ClientOrderId, OrderState From, OrderState To, string Cause, DateTimeOffset Timestamp)
{
    /// <inheritdoc />
    public override string ToString() => $"order {ClientOrderId}: illegal transition {From} -> {To} ({Cause})";
}
