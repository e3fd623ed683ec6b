using System.Globalization;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// Weights of the composite fitness. Per training window:
/// <c>f = SharpeWeight * sharpe + ReturnWeight * annualised log return - DrawdownWeight * max drawdown - trade penalty</c>,
/// where the trade penalty is <c>TradePenalty * (MinTrades - trades) / MinTrades</c> below <see cref="MinTrades"/>.
/// The fitness is <c>mean(f) - ConsistencyPenalty * std(f)</c> over the training windows.
/// </summary>
internal sealed record CompositeFitnessOptions(
    double SharpeWeight = 1.0,
    double ReturnWeight = 0.5,
    double DrawdownWeight = 1.0,
    int MinTrades = 10,
    double TradePenalty = 2.0,
    double ConsistencyPenalty = 0.0)
{
    /// <summary>Every invalid field, named; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string field, double value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"fitness.{field} {rule} (was {value})"));
            }
        }

        Check(double.IsFinite(SharpeWeight), "sharpe_weight", SharpeWeight, "must be finite");
        Check(double.IsFinite(ReturnWeight), "return_weight", ReturnWeight, "must be finite");
        Check(double.IsFinite(DrawdownWeight) && DrawdownWeight >= 0, "drawdown_weight", DrawdownWeight, "must be >= 0");
        Check(MinTrades >= 0, "min_trades", MinTrades, "must be >= 0");
        Check(double.IsFinite(TradePenalty) && TradePenalty >= 0, "trade_penalty", TradePenalty, "must be >= 0");
        Check(double.IsFinite(ConsistencyPenalty) && ConsistencyPenalty >= 0, "consistency_penalty", ConsistencyPenalty, "must be >= 0");
        return errors;
    }
}
