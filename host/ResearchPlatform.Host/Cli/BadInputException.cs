namespace ResearchPlatform.Host.Cli;

/// <summary>Thrown for bad usage or bad input; the CLI prints the message and exits with code 2.</summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BadInputException()
    {
    }
}
