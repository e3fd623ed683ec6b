using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Deployment;

/// <summary>
/// The gates of the life cycle. Built from the decision thresholds (<c>rules/thresholds.json</c>) so rules and
/// deployment agree: a candidate passes its backtest at <c>min_backtest_sharpe</c>, a paper strategy may be approved
/// after <c>min_paper_trading_days</c>, a live strategy rolls back to paper when its drawdown exceeds
/// <c>max_drawdown_threshold</c> or its Sharpe falls below <see cref="CheckpointMinSharpe"/>, and ramps up one step
/// per good checkpoint at least <see cref="RampCheckpointDays"/> days apart.
/// </summary>
public sealed record DeploymentPolicy
{
    /// <summary>Fraction of a strategy's allocation used at each ramp step (default 25 %, 50 %, 100 %).</summary>
    public IReadOnlyList<double> RampFractions { get; init; } = [0.25, 0.5, 1.0];

    /// <summary>Backtest Sharpe needed to pass from candidate to backtested.</summary>
    public double MinBacktestSharpe { get; init; } = 1.5;

    /// <summary>Days of paper trading required before approval.</summary>
    public int MinPaperDays { get; init; } = 14;

    /// <summary>Live drawdown (fraction) above which a checkpoint rolls the strategy back to paper.</summary>
    public double MaxLiveDrawdown { get; init; } = 0.15;

    /// <summary>Live Sharpe below which a checkpoint rolls the strategy back to paper.</summary>
    public double CheckpointMinSharpe { get; init; }

    /// <summary>Minimum days between two ramp-ups.</summary>
    public int RampCheckpointDays { get; init; } = 7;

    /// <summary>The live pool size used until a STRATEGY_POOL_SIZING decision sets one.</summary>
    public int DefaultPoolSize { get; init; } = 3;

    /// <summary>The policy with the gates taken from <paramref name="thresholds"/> where present.</summary>
    public static DeploymentPolicy From(Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var d = new DeploymentPolicy();
        return d with
        {
            MinBacktestSharpe = thresholds.GetOrDefault("min_backtest_sharpe", d.MinBacktestSharpe),
            MinPaperDays = (int)Math.Round(thresholds.GetOrDefault("min_paper_trading_days", d.MinPaperDays)),
            MaxLiveDrawdown = thresholds.GetOrDefault("max_drawdown_threshold", d.MaxLiveDrawdown),
            CheckpointMinSharpe = thresholds.GetOrDefault("checkpoint_min_sharpe", d.CheckpointMinSharpe),
            RampCheckpointDays = (int)Math.Round(thresholds.GetOrDefault("ramp_checkpoint_days", d.RampCheckpointDays)),
        };
    }

    /// <summary>Checks the policy; returns the problem naming the field, or null.</summary>
    public string? Validate()
    {
        if (RampFractions.Count == 0 || RampFractions.Any(f => !(f > 0 && f <= 1)))
        {
            return "ramp_fractions: each step must be in (0, 1]";
        }

        for (var i = 1; i < RampFractions.Count; i++)
        {
            if (RampFractions[i] <= RampFractions[i - 1])
            {
                return "ramp_fractions: steps must increase";
            }
        }

        return MinPaperDays < 0 ? "min_paper_trading_days: must be >= 0"
            : !(MaxLiveDrawdown > 0) ? "max_drawdown_threshold: must be > 0"
            : RampCheckpointDays < 0 ? "ramp_checkpoint_days: must be >= 0"
            : DefaultPoolSize < 0 ? "default_pool_size: must be >= 0"
            : null;
    }
}
