using System.Globalization;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Target number of strategies in the live pool.</summary>
/// <param name="PoolSize">The target size (0 or more).</param>
public sealed record PoolSizeValue(int PoolSize) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => "pool size " + PoolSize.ToString(CultureInfo.InvariantCulture);
}
