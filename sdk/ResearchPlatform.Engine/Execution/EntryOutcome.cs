namespace ResearchPlatform.Engine.Execution;

/// <summary>What applying a journal entry to the current order state would do.</summary>
internal enum EntryOutcome
{
    /// <summary>A legal change: journal and apply.</summary>
    Apply,

    /// <summary>A fill on an order already canceled or expired: record the fill (money moved), keep the terminal state.</summary>
    LateFill,

    /// <summary>Already applied (repeated event or fill id): ignore.</summary>
    Duplicate,

    /// <summary>Not allowed from the current state: log and count, never apply.</summary>
    Illegal,

    /// <summary>The entry names an order the manager does not know.</summary>
    UnknownOrder,
}
