namespace ResearchPlatform.Sdk.Execution;

/// <summary>An account balance in one asset.</summary>
public sealed record Balance(string Asset, decimal Total, decimal Available);
