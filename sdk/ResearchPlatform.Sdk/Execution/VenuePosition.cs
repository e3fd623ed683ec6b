namespace ResearchPlatform.Sdk.Execution;

/// <summary>An open position as the venue reports it: signed quantity (negative = short) and average entry price.</summary>
public sealed record VenuePosition(string Symbol, decimal Quantity, decimal EntryPrice);
