using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Commands.Hyperliquid;

/// <summary>
/// The Hyperliquid adapter as the host reaches it: through the plugin catalog (contract exchange:hyperliquid), then
/// configured with <see cref="IConfigurableExchangeAdapter.Configure"/>. Keep the instance alive while using the adapter.
/// </summary>
internal sealed class HyperliquidPlugin : IDisposable
{
    private readonly PluginCatalog _catalog;

    private HyperliquidPlugin(PluginCatalog catalog, IExchangeAdapter adapter)
    {
        _catalog = catalog;
        Adapter = adapter;
    }

    public IExchangeAdapter Adapter { get; }

    /// <summary>Loads the plugin and configures the adapter; a missing plugin or a bad setting is bad input.</summary>
    public static HyperliquidPlugin Open(IReadOnlyDictionary<string, string> settings, string? pluginsFolder = null)
    {
        var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(pluginsFolder));
        try
        {
            if (!catalog.TryGetComponent(PluginContracts.Exchange, "hyperliquid", out var component) || component.Instance is not IConfigurableExchangeAdapter template)
            {
                var problems = string.Join("; ", catalog.Problems);
                throw new BadInputException("the Hyperliquid plugin (exchange:hyperliquid) is not loaded" + (problems.Length > 0 ? ": " + problems : ""));
            }

            return new HyperliquidPlugin(catalog, template.Configure(settings));
        }
        catch (ArgumentException e)
        {
            catalog.Dispose();
            throw new BadInputException(e.Message, e);
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    public void Dispose() => _catalog.Dispose();
}
