namespace ResearchPlatform.Engine.Paper;

/// <summary>A resumed session's re-run produced an entry different from the stored one (different data, code or settings).</summary>
public sealed class JournalDivergedException : Exception
{
    public JournalDivergedException()
    {
    }

    public JournalDivergedException(string message)
        : base(message)
    {
    }

    public JournalDivergedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
