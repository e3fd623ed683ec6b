using System.Runtime.Intrinsics;
using ResearchPlatform.Engine.Backtesting;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>The group-major kernel state layout: every (variable, lane) has its own slot and the vector helpers address the same slots.</summary>
public sealed class LaneVarTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(4_856)]
    public void Index_EveryVariableAndLane_DistinctSlotsCoveringTheState(int stride)
    {
        var seen = new bool[LaneVar.Count * stride];
        for (var v = 0; v < LaneVar.Count; v++)
        {
            for (var lane = 0; lane < stride; lane++)
            {
                var i = LaneVar.Index(v, lane, stride);
                Assert.False(seen[i], $"var {v} lane {lane} shares slot {i}");
                seen[i] = true;
            }
        }

        Assert.All(seen, Assert.True);
        if (stride == 1)
        {
            Assert.Equal(LaneVar.Cash, LaneVar.Index(LaneVar.Cash, 0, stride)); // ScalarBook reads state[var]
        }
        else
        {
            Assert.Equal(LaneVar.Index(LaneVar.Q, 0, stride) + 8, LaneVar.Index(LaneVar.Cash, 0, stride)); // a group's variables are adjacent vectors
        }
    }

    [Fact]
    public void LdSt_RandomGroupsAndVariables_ReadAndWriteTheSlotsOfIndex()
    {
        const int stride = 64;
        var rng = new Random(9);
        var state = LaneVar.Create(stride, 10_000, 3);
        for (var lane = 0; lane < stride; lane++)
        {
            // the initial values, read through the scalar index
            Assert.Equal(10_000, state[LaneVar.Index(LaneVar.Cash, lane, stride)]);
            Assert.Equal(1, state[LaneVar.Index(LaneVar.MinRatio, lane, stride)]);
            Assert.Equal(3, state[LaneVar.Index(LaneVar.PeakBar, lane, stride)]);
            Assert.Equal(double.NegativeInfinity, state[LaneVar.Index(LaneVar.LowTrig, lane, stride)]);
            Assert.Equal(0, state[LaneVar.Index(LaneVar.Q, lane, stride)]);
        }

        for (var i = 0; i < 500; i++)
        {
            var group = rng.Next(stride / 8) * 8;
            var v = rng.Next(LaneVar.Count);
            var values = Enumerable.Range(0, 8).Select(_ => rng.NextDouble()).ToArray();
            VecOps.St(ref state[0], v, stride, group, Vector512.Create(values));
            for (var j = 0; j < 8; j++)
            {
                Assert.Equal(values[j], state[LaneVar.Index(v, group + j, stride)]);
            }

            Assert.Equal(Vector512.Create(values), VecOps.Ld(ref state[0], v, stride, group));
        }
    }
}
