using ResearchPlatform.Engine.Monitoring;

namespace ResearchPlatform.Engine.Tests.Monitoring;

public sealed class DetectorTests
{
    private static double[] NoisyWithSpike(int n, int spikeAt, double spike)
    {
        var rng = new Random(7);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box-Muller normal noise around 100 with sd 1, plus a slow drift the detectors must not flag.
            var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            values[i] = 100 + (i * 0.01) + z;
        }

        values[spikeAt] += spike;
        return values;
    }

    [Fact]
    public void RobustZScore_InjectedSpike_IsTheOnlyAnomaly()
    {
        var d = new RobustZScoreDetector(window: 60, threshold: 6);
        var values = NoisyWithSpike(300, 200, 12);

        var flagged = values.Select((v, i) => (i, z: d.Score(v))).Where(p => d.IsAnomaly(p.z)).Select(p => p.i).ToList();

        Assert.Equal([200], flagged);
    }

    [Fact]
    public void Ewma_InjectedSpike_IsTheOnlyAnomaly()
    {
        var d = new EwmaDetector(alpha: 0.1, threshold: 6);
        var values = NoisyWithSpike(300, 200, 12);

        var flagged = values.Select((v, i) => (i, z: d.Score(v))).Where(p => d.IsAnomaly(p.z)).Select(p => p.i).ToList();

        Assert.Equal([200], flagged);
    }

    [Fact]
    public void RobustZScore_SpikeDoesNotMaskTheNextSpike()
    {
        var d = new RobustZScoreDetector(window: 60, threshold: 6);
        var values = NoisyWithSpike(300, 200, 12);
        values[205] += 12;

        var flagged = values.Select((v, i) => (i, z: d.Score(v))).Where(p => d.IsAnomaly(p.z)).Select(p => p.i).ToList();

        Assert.Equal([200, 205], flagged);
    }

    [Fact]
    public void Cascade_TwoFailuresWithinWindow_ReportedOnceNamingBoth()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var d = new CascadeDetector(TimeSpan.FromMinutes(1));
        static ComponentStatus C(string n, bool failing) => new(n, failing ? "faulted" : "running", failing);

        var r1 = d.Observe([C("venue", true), C("risk", false), C("data", false)], t0);
        var r2 = d.Observe([C("venue", true), C("risk", true), C("data", false)], t0.AddSeconds(30));
        var r3 = d.Observe([C("venue", true), C("risk", true), C("data", true)], t0.AddSeconds(40));
        var r4 = d.Observe([C("venue", false), C("risk", false), C("data", false)], t0.AddSeconds(50));
        var r5 = d.Observe([C("venue", true), C("risk", false), C("data", false)], t0.AddMinutes(5));
        var r6 = d.Observe([C("venue", true), C("risk", true), C("data", false)], t0.AddMinutes(7)); // 2 min later: outside the window

        Assert.Equal(["venue"], r1.NewlyFailing);
        Assert.Null(r1.Cascade);
        Assert.Equal(["risk", "venue"], r2.Cascade);
        Assert.Null(r3.Cascade);
        Assert.Equal(["data"], r3.NewlyFailing);
        Assert.Empty(r4.NewlyFailing);
        Assert.Null(r5.Cascade);
        Assert.Null(r6.Cascade);
        Assert.Equal(["risk"], r6.NewlyFailing);
    }
}
