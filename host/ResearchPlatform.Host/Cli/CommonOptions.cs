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
}
