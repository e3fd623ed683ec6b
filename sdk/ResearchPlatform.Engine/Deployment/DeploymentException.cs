namespace ResearchPlatform.Engine.Deployment;

/// <summary>A deployment request that the life cycle does not allow; the message names the strategy and both stages.</summary>
public sealed class DeploymentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeploymentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeploymentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeploymentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
