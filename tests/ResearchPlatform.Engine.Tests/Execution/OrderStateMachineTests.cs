using ResearchPlatform.Engine.Execution;

namespace ResearchPlatform.Engine.Tests.Execution;

public sealed class OrderStateMachineTests
{
    // The specification, written independently of the implementation's table: "from -> to" for every legal move.
    private static readonly HashSet<(OrderState, OrderState)> Spec = Parse("""
        Initialized -> Submitted, Rejected
        Submitted -> Accepted, Rejected, PartiallyFilled, Filled, Canceled, Expired, PendingCancel
        Accepted -> PendingCancel, PendingModify, PartiallyFilled, Filled, Canceled, Expired
        PendingCancel -> Canceled, Accepted, PartiallyFilled, Filled, Expired
        PendingModify -> Accepted, PartiallyFilled, Filled, Canceled, Expired, PendingCancel
        PartiallyFilled -> PartiallyFilled, Filled, PendingCancel, PendingModify, Canceled, Expired
        """);

    public static TheoryData<string, string, bool> EveryPair()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var from in Enum.GetValues<OrderState>())
        {
            foreach (var to in Enum.GetValues<OrderState>())
            {
                data.Add(from.ToString(), to.ToString(), Spec.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsLegal_EveryPair_MatchesSpecification(string from, string to, bool expected) =>
        Assert.Equal(expected, OrderStateMachine.IsLegal(Enum.Parse<OrderState>(from), Enum.Parse<OrderState>(to)));

    [Fact]
    public void EveryPair_Count_IsTheFullTable()
    {
        var states = Enum.GetValues<OrderState>().Length;
        Assert.Equal(states * states, EveryPair().Count);
        Assert.Equal(32, Spec.Count);
    }

    [Theory]
    [InlineData("Filled")]
    [InlineData("Canceled")]
    [InlineData("Rejected")]
    [InlineData("Expired")]
    public void Next_TerminalState_HasNoExit(string name)
    {
        var state = Enum.Parse<OrderState>(name);
        Assert.True(OrderStateMachine.IsTerminal(state));
        Assert.Empty(OrderStateMachine.Next(state));
    }

    private static HashSet<(OrderState, OrderState)> Parse(string text)
    {
        var set = new HashSet<(OrderState, OrderState)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("->", StringSplitOptions.TrimEntries);
            var from = Enum.Parse<OrderState>(parts[0]);
            foreach (var to in parts[1].Split(',', StringSplitOptions.TrimEntries))
            {
                set.Add((from, Enum.Parse<OrderState>(to)));
            }
        }

        return set;
    }
}
