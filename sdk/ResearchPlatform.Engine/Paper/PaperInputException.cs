namespace ResearchPlatform.Engine.Paper;

/// <summary>Invalid paper-session input (options, strategies, series); the message lists every problem.</summary>
public sealed class PaperInputException : Exception
{
    public PaperInputException()
    {
    }

    public PaperInputException(string message)
        : base(message)
    {
    }

    public PaperInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
