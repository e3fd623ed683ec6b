namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Paper (simulated venue) or live (real exchange adapter) trading.</summary>
public enum TradingMode
{
    Paper,
    Live,
}
