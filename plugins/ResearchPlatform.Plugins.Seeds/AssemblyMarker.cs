namespace ResearchPlatform.Plugins.Seeds;

/// <summary>Marks the Seeds plugin assembly.</summary>
internal static class AssemblyMarker
{
}
