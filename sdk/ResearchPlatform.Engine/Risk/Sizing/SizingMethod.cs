namespace ResearchPlatform.Engine.Risk.Sizing;

/// <summary>How the base position fraction is computed.</summary>
internal enum SizingMethod
{
    /// <summary>max_position_size_pct of equity.</summary>
    FixedFraction,

    /// <summary>target_volatility_pct / the asset's annualised volatility.</summary>
    VolatilityTarget,

    /// <summary>kelly_fraction x the Kelly fraction p - (1 - p) / b, clamped to [0, 1].</summary>
    FractionalKelly,

    /// <summary>Risk risk_per_trade of equity with the stop atr_multiple ATRs away: (risk x price) / (ATR x multiple).</summary>
    AtrRisk,
}
