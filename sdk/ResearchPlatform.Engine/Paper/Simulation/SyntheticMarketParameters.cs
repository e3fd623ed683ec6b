namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>
/// The SIMULATION mode's market: a regime-switching geometric Brownian motion with Poisson jumps. Regimes (in
/// <see cref="SimulatedRegime"/> order) and defaults, annualised:
/// bull drift +60 % vol 45 % 4 jumps/yr; bear drift -50 % vol 60 % 8 jumps/yr; sideways drift 0 vol 30 % 2 jumps/yr;
/// high-vol drift 0 vol 110 % 24 jumps/yr; log jump sizes Normal(-1 %, 4 %) (high-vol Normal(-2 %, 6 %)).
/// The regime follows a Markov chain with <see cref="Transitions"/> (row = from, column = to) applied once per bar.
/// </summary>
internal sealed record SyntheticMarketParameters
{
    public IReadOnlyList<RegimeParameters> Regimes { get; init; } =
    [
        new(0.60, 0.45, 4, -0.01, 0.04),
        new(-0.50, 0.60, 8, -0.01, 0.04),
        new(0.00, 0.30, 2, -0.01, 0.04),
        new(0.00, 1.10, 24, -0.02, 0.06),
    ];

    /// <summary>Per-bar transition probabilities; each row sums to 1. Defaults: a regime lasts ~200 bars (high-vol ~50).</summary>
    public IReadOnlyList<double[]> Transitions { get; init; } =
    [
        [0.995, 0.001, 0.003, 0.001],
        [0.001, 0.995, 0.003, 0.001],
        [0.002, 0.002, 0.995, 0.001],
        [0.005, 0.005, 0.010, 0.980],
    ];

    public double StartPrice { get; init; } = 30_000;

    /// <summary>Mean bar volume (base units); each bar's is lognormal around it, higher on large moves.</summary>
    public double MeanVolume { get; init; } = 500;

    /// <summary>Sub-steps per bar (the bar's high and low are the extremes of this path).</summary>
    public int StepsPerBar { get; init; } = 8;

    public static SyntheticMarketParameters Default { get; } = new();

    /// <summary>Every invalid field at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (Regimes.Count != 4 || Transitions.Count != 4 || Transitions.Any(r => r.Length != 4))
        {
            e.Add("regimes: four regimes and a 4 x 4 transition matrix are required");
            return e;
        }

        for (var i = 0; i < 4; i++)
        {
            if (Transitions[i].Any(p => p is < 0 or > 1) || Math.Abs(Transitions[i].Sum() - 1) > 1e-9)
            {
                e.Add($"transitions row {(SimulatedRegime)i}: probabilities in [0, 1] summing to 1 are required");
            }

            var r = Regimes[i];
            if (!(r.Volatility >= 0) || !(r.JumpsPerYear >= 0) || !(r.JumpStdDev >= 0) || !double.IsFinite(r.Drift))
            {
                e.Add($"regime {(SimulatedRegime)i}: volatility, jump rate and jump sd must be >= 0");
            }
        }

        if (!(StartPrice > 0) || !(MeanVolume > 0) || StepsPerBar < 1)
        {
            e.Add("start_price, mean_volume must be > 0 and steps_per_bar >= 1");
        }

        return e;
    }
}
