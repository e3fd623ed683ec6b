using System.Text.Json.Serialization;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>The typed outcome of a decision; one sealed subtype per <see cref="DecisionType"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PoolSizeValue), "pool_size")]
[JsonDerivedType(typeof(RetirementValue), "retirement")]
[JsonDerivedType(typeof(ApprovalValue), "approval")]
[JsonDerivedType(typeof(ShutdownValue), "shutdown")]
[JsonDerivedType(typeof(RiskAdjustmentValue), "risk_adjustment")]
[JsonDerivedType(typeof(SessionSettingsValue), "session_settings")]
[JsonDerivedType(typeof(NoDecisionValue), "none")]
public abstract record DecisionValue
{
    /// <summary>A one-line human summary of the value.</summary>
    public abstract string Summary();
}
