using System.Collections.ObjectModel;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Execution;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Plugins;

/// <summary>The Sdk contracts the host loads from plugins. Add one line per new contract type.</summary>
public static class PluginContracts
{
    /// <summary>The kind of <see cref="ISeedType"/> in <c>provides</c> entries.</summary>
    public const string Seed = "seed";

    /// <summary>The kind of <see cref="IRiskGenomeDefinition"/> in <c>provides</c> entries.</summary>
    public const string Risk = "risk";
    /// <summary>The kind of <see cref="IExchangeAdapter"/> in <c>provides</c> entries.</summary>
    public const string Exchange = "exchange";

    /// <summary>Every contract the host knows, in a fixed order.</summary>
    public static ReadOnlyCollection<PluginContract> All { get; } = Array.AsReadOnly(
    [
        PluginContract.Create<ISeedType>(Seed, s => s.Id),
        PluginContract.Create<IRiskGenomeDefinition>(Risk, r => r.Id),
        PluginContract.Create<IExchangeAdapter>(Exchange, e => e.VenueId),
    ]);

    /// <summary>Finds a contract by kind (case-insensitive).</summary>
    public static PluginContract? Find(IEnumerable<PluginContract> contracts, string kind) =>
        contracts.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase));
}
