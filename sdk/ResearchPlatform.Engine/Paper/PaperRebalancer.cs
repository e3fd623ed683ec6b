using System.Globalization;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// The decision half of the paper path, shared by replay and testnet: when the target changes, working orders are
/// canceled, a reduce-only market order closes the position, and an opening market order is sized (fraction, fixed
/// units or the risk genome's sizer), floored to the lot and put to the risk manager, whose rejection is handed to the
/// order manager's risk hook (journaled as a denial) and every rejection or resize is reported to <c>adjusted</c> (rejected?, detail) for the runner's risk events.
/// </summary>
internal sealed class PaperRebalancer(OrderManager manager, PaperRiskGate gate, RiskManager? risk, PositionSizer? sizer, PaperOptions options, decimal lotSize, Action<DateTimeOffset, bool, string>? adjusted = null)
{
    public async ValueTask RebalanceAsync(string symbol, double target, decimal price, double equity, DateTimeOffset time, Func<CancellationToken, ValueTask> cancelWorking, CancellationToken cancellationToken)
    {
        await cancelWorking(cancellationToken);
        var position = manager.Positions.QuantityOf(symbol);
        if (position != 0)
        {
            var side = position > 0 ? OrderSide.Sell : OrderSide.Buy;
            await manager.SubmitAsync(new OrderRequest(symbol, side, OrderType.Market, Math.Abs(position), price, time, ReduceOnly: true), cancellationToken);
        }

        if (target == 0)
        {
            return;
        }

        var quantity = Floor(Size(Math.Abs(target), (double)price, equity));
        if (risk is not null && quantity > 0)
        {
            var signed = (double)quantity * Math.Sign(target);
            var verdict = risk.EvaluateTradeRisk(new OrderIntent(symbol, signed, (double)price), new TradeRiskContext(new PortfolioSnapshot(equity, [])));
            if (verdict.Decision == Sdk.Risk.RiskDecision.Reject)
            {
                gate.DenyNext(verdict.Reason);
            }
            else
            {
                quantity = Floor(Math.Abs(verdict.ApprovedQuantity));
            }

            if (verdict.Decision != Sdk.Risk.RiskDecision.Approve)
            {
                adjusted?.Invoke(time, verdict.Decision == Sdk.Risk.RiskDecision.Reject, string.Create(CultureInfo.InvariantCulture,
                    $"{verdict.Reason} (requested {signed:0.######}, approved {verdict.ApprovedQuantity:0.######} units)"));
            }
        }

        if (quantity >= lotSize)
        {
            await manager.SubmitAsync(new OrderRequest(symbol, target > 0 ? OrderSide.Buy : OrderSide.Sell, OrderType.Market, quantity, price, time), cancellationToken);
        }
    }

    private double Size(double magnitude, double price, double equity) => options.Sizing switch
    {
        PaperSizing.FixedUnits => magnitude * (double)options.Units,
        PaperSizing.RiskSizer when sizer is not null && risk is not null =>
            magnitude * sizer.Size(new SizingRequest(SizingMethod.FixedFraction, price, equity, 0, risk.Level, MarketRegime.Sideways)).Quantity,
        _ => magnitude * equity / (price * (1 + (double)options.TakerFeeRate)),
    };

    private decimal Floor(double quantity)
    {
        if (!(quantity > 0) || !double.IsFinite(quantity))
        {
            return 0;
        }

        return Math.Floor((decimal)quantity / lotSize) * lotSize;
    }
}
