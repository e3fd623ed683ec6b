namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// An exchange adapter that needs settings (endpoint, network, account, key source) the host only knows at run time.
/// The plugin loader creates adapters with a parameterless constructor; the host then calls <see cref="Configure"/> to
/// obtain a configured instance (the loaded instance stays an unconfigured template). Settings never carry secrets
/// themselves: keys are named by a file path or an environment variable.
/// </summary>
public interface IConfigurableExchangeAdapter : IExchangeAdapter
{
    /// <summary>A new adapter configured by <paramref name="settings"/> (snake_case keys, documented by the adapter).</summary>
    /// <exception cref="ArgumentException">A setting is unknown or invalid; the message names it.</exception>
    IExchangeAdapter Configure(IReadOnlyDictionary<string, string> settings);
}
