using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>
/// <c>rp backtest --funding FILE</c>: funding rates of a perpetual turned into the kernel's per-bar series
/// (<see cref="Engine.Backtesting.BacktestOptions.FundingRates"/>). A rate stamped at time T is paid by the position
/// held at T, so bar i (open o, closing at o + interval) carries the sum of the rates stamped in (o, o + interval]: its
/// close is the moment the kernel charges it.
/// </summary>
internal static class BacktestFunding
{
    /// <summary>The per-bar rates and how many of the file's rates fell inside the bars.</summary>
    public static (double[] Rates, int Used) Load(string path, BarSeries bars)
    {
        IReadOnlyList<FundingRatePoint> points;
        try
        {
            points = FundingRateFile.Read(path);
        }
        catch (PaperInputException e)
        {
            throw new BadInputException(e.Message, e);
        }

        var (rates, used) = PerBar(bars, points.Select(p => (p.Time.ToUnixTimeMilliseconds(), (double)p.Rate)).ToList());
        if (used == 0)
        {
            throw new BadInputException($"--funding: none of the {points.Count} rates of {path} ({Iso(points[0].Time)} .. {Iso(points[^1].Time)}) falls inside the bars ({Iso(bars.TimeAt(0))} .. {Iso(bars.TimeAt(bars.Count - 1))})");
        }

        return (rates, used);
    }

    /// <summary>Sums the (time ms, rate) points, oldest first, into the bars whose (open, close] holds their time.</summary>
    internal static (double[] Rates, int Used) PerBar(BarSeries bars, IReadOnlyList<(long TimeMs, double Rate)> points)
    {
        var rates = new double[bars.Count];
        var step = bars.Interval.Milliseconds;
        var used = 0;
        var bar = 0;
        foreach (var (time, rate) in points)
        {
            // the first bar whose close (open + interval) is at or after the rate's time
            while (bar < bars.Count && bars.OpenTimesMs[bar] + step < time)
            {
                bar++;
            }

            if (bar == bars.Count)
            {
                break;
            }

            if (bars.OpenTimesMs[bar] < time)
            {
                rates[bar] += rate;
                used++;
            }
        }

        return (rates, used);
    }
}
