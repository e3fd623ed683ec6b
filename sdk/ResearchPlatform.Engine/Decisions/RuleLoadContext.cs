using System.Reflection;
using System.Runtime.Loader;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// A collectible load context holding one compiled rule assembly. Every dependency (Sdk, CoreLib) resolves from the
/// default context, so rule types are the host's types; unloading frees the rule once no delegate references it.
/// </summary>
internal sealed class RuleLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
