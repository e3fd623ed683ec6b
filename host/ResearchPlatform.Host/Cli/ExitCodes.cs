namespace ResearchPlatform.Host.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad input (unknown option, invalid file, invalid value).</summary>
    public const int BadInput = 2;
}
