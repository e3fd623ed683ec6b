namespace ResearchPlatform.Engine.Execution;

/// <summary>The legal transitions between <see cref="OrderState"/>s. Anything not listed is illegal.</summary>
internal static class OrderStateMachine
{
    private static readonly OrderState[][] Legal = BuildTable();

    /// <summary>True for Filled, Canceled, Rejected and Expired.</summary>
    public static bool IsTerminal(OrderState state) =>
        state is OrderState.Filled or OrderState.Canceled or OrderState.Rejected or OrderState.Expired;

    /// <summary>True when <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsLegal(OrderState from, OrderState to) => Array.IndexOf(Legal[(int)from], to) >= 0;

    /// <summary>The states reachable from <paramref name="from"/> in one step.</summary>
    public static IReadOnlyList<OrderState> Next(OrderState from) => Legal[(int)from];

    private static OrderState[][] BuildTable()
    {
        var t = new OrderState[Enum.GetValues<OrderState>().Length][];
        t[(int)OrderState.Initialized] = [OrderState.Submitted, OrderState.Rejected];
        t[(int)OrderState.Submitted] =
        [
            OrderState.Accepted, OrderState.Rejected, OrderState.PartiallyFilled, OrderState.Filled,
            OrderState.Canceled, OrderState.Expired, OrderState.PendingCancel,
        ];
        t[(int)OrderState.Accepted] =
        [
            OrderState.PendingCancel, OrderState.PendingModify, OrderState.PartiallyFilled, OrderState.Filled,
            OrderState.Canceled, OrderState.Expired,
        ];
        t[(int)OrderState.PendingCancel] =
        [
            OrderState.Canceled, OrderState.Accepted, OrderState.PartiallyFilled, OrderState.Filled, OrderState.Expired,
        ];
        t[(int)OrderState.PendingModify] =
        [
            OrderState.Accepted, OrderState.PartiallyFilled, OrderState.Filled, OrderState.Canceled,
            OrderState.Expired, OrderState.PendingCancel,
        ];
        t[(int)OrderState.PartiallyFilled] =
        [
            OrderState.PartiallyFilled, OrderState.Filled, OrderState.PendingCancel, OrderState.PendingModify,
            OrderState.Canceled, OrderState.Expired,
        ];
        t[(int)OrderState.Filled] = [];
        t[(int)OrderState.Canceled] = [];
        t[(int)OrderState.Rejected] = [];
        t[(int)OrderState.Expired] = [];
        return t;
    }
}
