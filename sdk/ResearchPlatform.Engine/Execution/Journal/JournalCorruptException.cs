namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>A journal line other than a torn last line could not be read; the message names the file and line.</summary>
internal sealed class JournalCorruptException : Exception
{
    public JournalCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JournalCorruptException()
    {
    }

    public JournalCorruptException(string message)
        : base(message)
    {
    }
}
