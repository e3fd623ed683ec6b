namespace ResearchPlatform.Sdk.Execution;

/// <summary>Direction of an order or fill.</summary>
public enum OrderSide
{
    /// <summary>Buy (increases a long position or reduces a short one).</summary>
    Buy,

    /// <summary>Sell (reduces a long position or increases a short one).</summary>
    Sell,
}
