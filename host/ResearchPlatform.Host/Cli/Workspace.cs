namespace ResearchPlatform.Host.Cli;

/// <summary>
/// The folder that holds everything a user's work produces. Resolved from <c>--workspace</c>, else
/// <c>RP_WORKSPACE</c>, else <c>./.rp</c> under the current directory. Holds <c>research.duckdb</c>.
/// </summary>
public sealed class Workspace
{
    public const string EnvironmentVariable = "RP_WORKSPACE";
    public const string DatabaseFileName = "research.duckdb";

    public Workspace(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>Absolute path of the workspace folder.</summary>
    public string Root { get; }

    /// <summary>Absolute path of the DuckDB file.</summary>
    public string DatabasePath => Path.Combine(Root, DatabaseFileName);

    /// <summary>Resolves the workspace from an explicit option, the environment, or the default.</summary>
    public static Workspace Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new Workspace(option);
        }

        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new Workspace(string.IsNullOrWhiteSpace(env) ? Path.Combine(Directory.GetCurrentDirectory(), ".rp") : env);
    }

    /// <summary>Creates the folder when missing.</summary>
    public Workspace EnsureExists()
    {
        Directory.CreateDirectory(Root);
        return this;
    }
}
