namespace ResearchPlatform.Host.Notebooks;

/// <summary>A notebook file that is not nbformat 4 JSON, or a bad runner argument; the message names file and field.</summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException()
    {
    }

    public NotebookFormatException(string message)
        : base(message)
    {
    }

    public NotebookFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
