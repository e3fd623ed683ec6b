using ResearchPlatform.Sdk.Seeds;

namespace __NAME__;

/// <summary>Target position per bar and strategy lane: 1 above the SMA, 0 otherwise (0 during warm-up).</summary>
internal sealed class __NAME__SignalGenerator(double[] close, int[] periods) : ISignalGenerator
{
    public int StrategyCount => periods.Length;

    public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        for (var t = 0; t < count; t++)
        {
            var bar = start + t;
            for (var lane = 0; lane < laneCount; lane++)
            {
                var period = periods[firstLane + lane];
                var target = 0.0;
                if (bar + 1 >= period)
                {
                    var sum = 0.0;
                    for (var k = bar - period + 1; k <= bar; k++)
                    {
                        sum += close[k];
                    }

                    target = close[bar] > sum / period ? 1.0 : 0.0;
                }

                targets[(t * laneCount) + lane] = target;
            }
        }
    }
}
