using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// Perpetual funding of the simulated venue: a payment at every funding-interval boundary, on the position held then, at
/// the previous bar's close, booked on the venue's positions and kept until the paper runner takes it (each once).
/// Not thread-safe: the venue calls it under its lock.
/// </summary>
internal sealed class VenueFunding(SimulatedVenueOptions options)
{
    private readonly List<FundingPayment> _payments = [];
    private int _taken;

    /// <summary>Funding at every interval boundary in (previous bar open, <paramref name="until"/>], at the previous bar's close.</summary>
    public void Accrue(Candle previous, DateTimeOffset until, PositionBook positions)
    {
        if (options.FundingRate == 0 && options.FundingRates is null && options.FundingSchedule is null)
        {
            return;
        }

        var step = options.FundingInterval.Ticks;
        var next = new DateTimeOffset(((previous.OpenTime.UtcTicks / step) + 1) * step, TimeSpan.Zero);
        for (var t = next; t <= until; t = t.AddTicks(step))
        {
            var quantity = positions.QuantityOf(previous.Symbol);
            var rate = options.FundingSchedule?.Invoke(previous.Symbol, t) ?? options.FundingRates?.GetValueOrDefault(t, options.FundingRate) ?? options.FundingRate;
            if (quantity == 0 || rate == 0)
            {
                continue;
            }

            var amount = decimal.Round(-quantity * previous.Close * rate, 8, MidpointRounding.AwayFromZero);
            positions.ApplyFunding(previous.Symbol, amount);
            _payments.Add(new FundingPayment(previous.Symbol, t, quantity, previous.Close, rate, amount));
        }
    }

    /// <summary>Payments not taken yet, oldest first.</summary>
    public IReadOnlyList<FundingPayment> Take()
    {
        var taken = _payments.GetRange(_taken, _payments.Count - _taken);
        _taken = _payments.Count;
        return taken;
    }
}
