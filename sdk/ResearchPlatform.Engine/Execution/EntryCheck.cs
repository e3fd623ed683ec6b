namespace ResearchPlatform.Engine.Execution;

/// <summary>The outcome of checking an entry against an order's state, with the transition it implies.</summary>
internal readonly record struct EntryCheck(EntryOutcome Outcome, OrderState From, OrderState To);
