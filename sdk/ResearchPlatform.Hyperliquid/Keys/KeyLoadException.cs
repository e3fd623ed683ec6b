namespace ResearchPlatform.Hyperliquid.Keys;

/// <summary>A key could not be loaded; the message names the source, never the key.</summary>
public sealed class KeyLoadException : Exception
{
    public KeyLoadException()
    {
    }

    public KeyLoadException(string message)
        : base(message)
    {
    }

    public KeyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
