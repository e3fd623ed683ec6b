using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Sizing;

/// <summary>
/// Sizes a new position: a base fraction (fixed, volatility target, fractional Kelly or ATR risk), then the risk-level
/// multiplier, the correlation penalty, volatility scaling and regime scaling, then clamps to the position cap, the
/// remaining exposure and the concentration limit. Each step is recorded in the result. Stateless and thread-safe.
/// </summary>
internal sealed class PositionSizer
{
    public const int StepCount = 8;

    public PositionSizer(RiskGenome genome)
    {
        ArgumentNullException.ThrowIfNull(genome);
        Genome = genome;
    }

    public RiskGenome Genome { get; }

    public SizingResult Size(SizingRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var g = Genome;
        var steps = new SizingStep[StepCount];
        var f = Sanitize(BaseFraction(r));
        steps[0] = new SizingStep(BaseStepName(r.Method), f, f);

        var levelMul = RiskLevelPolicy.SizeMultiplier(r.Level);
        f *= levelMul;
        steps[1] = new SizingStep("risk_level", levelMul, f);

        var corrMul = 1 - (g.CorrelationPenalty * Math.Clamp(r.CorrelationToPortfolio, 0, 1));
        f *= corrMul;
        steps[2] = new SizingStep("correlation_penalty", corrMul, f);

        var volMul = r.VolatilityPercentile >= g.HighVolatilityThreshold ? g.VolatilityScalingFactor : 1;
        f *= volMul;
        steps[3] = new SizingStep("volatility_scaling", volMul, f);

        var regimeMul = r.Regime is MarketRegime.BearStable or MarketRegime.BearVolatile ? 1 - g.BearMarketReduction : 1;
        f *= regimeMul;
        steps[4] = new SizingStep("regime_scaling", regimeMul, f);

        f = Math.Min(f, g.MaxPositionSizePct);
        steps[5] = new SizingStep("clamp_max_position", g.MaxPositionSizePct, f);

        var room = r.Equity > 0 ? Math.Max(0, g.MaxTotalExposurePct - (r.CurrentExposure / r.Equity)) : 0;
        f = Math.Min(f, room);
        steps[6] = new SizingStep("clamp_total_exposure", room, f);

        f = Math.Max(0, Math.Min(f, g.ConcentrationLimitPct));
        steps[7] = new SizingStep("clamp_concentration", g.ConcentrationLimitPct, f);

        var notional = f * Math.Max(0, r.Equity);
        return new SizingResult(f, notional, r.Price > 0 ? notional / r.Price : 0, steps);
    }

    private double BaseFraction(SizingRequest r)
    {
        var g = Genome;
        switch (r.Method)
        {
            case SizingMethod.FixedFraction:
                return g.MaxPositionSizePct;
            case SizingMethod.VolatilityTarget:
                return r.AssetVolatility > 0 ? g.TargetVolatilityPct / r.AssetVolatility : 0;
            case SizingMethod.FractionalKelly:
                if (!(r.PayoffRatio > 0) || double.IsNaN(r.WinRate))
                {
                    return 0;
                }

                var kelly = r.WinRate - ((1 - r.WinRate) / r.PayoffRatio);
                return g.KellyFraction * Math.Clamp(kelly, 0, 1);
            case SizingMethod.AtrRisk:
                return r.Atr > 0 && r.AtrMultiple > 0 ? r.RiskPerTradePct * r.Price / (r.Atr * r.AtrMultiple) : 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(r), r.Method, "unknown sizing method");
        }
    }

    private static double Sanitize(double f) => double.IsFinite(f) && f > 0 ? f : 0;

    private static string BaseStepName(SizingMethod m) => m switch
    {
        SizingMethod.FixedFraction => "base_fixed_fraction",
        SizingMethod.VolatilityTarget => "base_volatility_target",
        SizingMethod.FractionalKelly => "base_fractional_kelly",
        _ => "base_atr_risk",
    };
}
