namespace ResearchPlatform.Sdk.Execution;

/// <summary>An order's status as the venue reports it.</summary>
public enum VenueOrderStatus
{
    /// <summary>Working (resting, or a stop/take-profit waiting for its trigger).</summary>
    Open,

    /// <summary>Working with part of the quantity filled.</summary>
    PartiallyFilled,

    /// <summary>Completely filled.</summary>
    Filled,

    /// <summary>Canceled (by request, IOC remainder, or the venue).</summary>
    Canceled,

    /// <summary>Refused by the venue.</summary>
    Rejected,

    /// <summary>Expired by the venue.</summary>
    Expired,
}
