namespace ResearchPlatform.Sdk.Alerts;

/// <summary>Which part of the system an alert is about.</summary>
public enum AlertCategory
{
    /// <summary>Strategy or portfolio performance (PnL, Sharpe, drawdown).</summary>
    Performance,

    /// <summary>The platform itself (components, plugins, resources).</summary>
    System,

    /// <summary>Orders, fills, positions, risk breakers.</summary>
    Trading,

    /// <summary>Evolution runs.</summary>
    Genetic,

    /// <summary>The decision engine (decisions awaiting a human carry the decision id).</summary>
    Decision,
}
