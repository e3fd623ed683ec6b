using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>A seed type provided by a loaded plugin, with the plugin's version tag.</summary>
/// <param name="Seed">The seed type.</param>
/// <param name="VersionTag">The providing plugin's version tag (<c>manifest version + content hash</c>).</param>
internal sealed record LoadedSeedType(ISeedType Seed, string VersionTag);
