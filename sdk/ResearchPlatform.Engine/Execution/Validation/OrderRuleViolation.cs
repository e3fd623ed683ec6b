namespace ResearchPlatform.Engine.Execution.Validation;

/// <summary>Why an order was refused before leaving: the order, the rule (a stable kebab-case name) and the detail.</summary>
internal sealed record OrderRuleViolation(string ClientOrderId, string Rule, string Detail)
{
    /// <summary>"order O-00000001: rule quantity-lot: ...".</summary>
    public string Message => $"order {ClientOrderId}: rule {Rule}: {Detail}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
