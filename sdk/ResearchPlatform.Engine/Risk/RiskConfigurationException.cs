namespace ResearchPlatform.Engine.Risk;

/// <summary>A risk configuration value is missing, unknown or invalid; the message names the key (and file).</summary>
public sealed class RiskConfigurationException : Exception
{
    public RiskConfigurationException()
    {
    }

    public RiskConfigurationException(string message)
        : base(message)
    {
    }

    public RiskConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
