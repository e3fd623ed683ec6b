using System.Reflection;

namespace ResearchPlatform.Host.Plugins;

/// <summary>Turns the exceptions plugin loading can raise into one-line reasons a user can act on.</summary>
internal static class PluginErrors
{
    /// <summary>A short reason for <paramref name="ex"/>, unwrapping reflection wrappers.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        PluginLoadException p => p.Message,
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        TypeInitializationException { InnerException: { } inner } t => $"static initializer of {t.TypeName} failed: {Describe(inner)}",
        ReflectionTypeLoadException r => r.LoaderExceptions.FirstOrDefault(e => e is not null) is { } first ? Describe(first) : r.Message,
        FileNotFoundException f => $"missing dependency {AssemblyDisplay(f.FileName)} (not in the plugin folder, not shared by the host)",
        FileLoadException f => $"dependency {AssemblyDisplay(f.FileName)} cannot be loaded: {f.Message}",
        BadImageFormatException b => $"corrupt or not a .NET assembly{(b.FileName is { } n ? " " + AssemblyDisplay(n) : string.Empty)}: {b.Message}",
        TypeLoadException or MissingMemberException => $"built against a different Sdk or dependency version: {ex.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static string AssemblyDisplay(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return "'?'";
        }

        try
        {
            var name = new AssemblyName(fileName);
            return name.Version is null ? $"'{name.Name}'" : $"'{name.Name}' {name.Version}";
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return $"'{fileName}'";
        }
    }
}
