namespace ResearchPlatform.Engine.Execution;

/// <summary>The outcome of <see cref="OrderManager.SubmitAsync"/>: the order's id and state when the call returned.</summary>
internal sealed record OrderSubmission(string ClientOrderId, OrderState State, string? Reason)
{
    /// <summary>True unless validation, risk or the venue refused the order.</summary>
    public bool IsAccepted => State != OrderState.Rejected;
}
