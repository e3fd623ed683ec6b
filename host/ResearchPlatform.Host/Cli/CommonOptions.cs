using System.CommandLine;

namespace ResearchPlatform.Host.Cli;

/// <summary>Options shared by many commands.</summary>
public sealed class CommonOptions
{
    /// <summary><c>--workspace</c>: recursive, so every command accepts it.</summary>
    public Option<string?> Workspace { get; } = new("--workspace")
    {
        Description = "Workspace folder (default: $RP_WORKSPACE or ./.rp)",
        Recursive = true,
    };

    /// <summary>Creates a <c>--json</c> option for a command that produces a result.</summary>
    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print exactly one JSON document on stdout instead of a table",
    };

    /// <summary>
    /// Creates a <c>--plugins</c> option for a command that loads plugins: extra plugin folders, separated like PATH,
    /// searched after the build output's <c>plugins/</c> and <c>RP_PLUGINS_PATH</c>.
    /// </summary>
    public static Option<string?> PluginsOption() => new("--plugins")
    {
        Description = "Extra plugin folders, separated by the path separator (searched after plugins/ beside rp.dll and $RP_PLUGINS_PATH)",
    };
}
