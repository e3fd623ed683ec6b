using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Wire;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// Place, cancel and modify through signed /exchange actions. Prices are rounded to the exchange's rules in the
/// passive direction for resting orders (buys down, sells up) and the aggressive one for IOC/market orders; sizes are
/// rounded toward zero. Market orders are IOC limits at mid +- slippage; stop/take-profit are trigger orders.
/// </summary>
internal sealed class OrderOperations(AdapterContext context)
{
    public async Task<OrderAck> PlaceAsync(SubmitOrder order, CancellationToken cancellationToken)
    {
        var assets = await context.AssetsAsync(cancellationToken);
        if (!assets.TryGet(order.Symbol, out var asset))
        {
            return Reject(order, $"unknown Hyperliquid asset '{order.Symbol}'");
        }

        var cloid = Cloids.FromClientOrderId(order.ClientOrderId);
        OrderWire wire;
        try
        {
            wire = await BuildWireAsync(order, asset, cloid, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Reject(order, e.Message);
        }

        context.Remember(order.ClientOrderId, cloid, null);
        var body = context.Signer.Sign(ActionBuilder.Order([wire]));
        var response = await context.Rest.ExchangeAsync(body, 1, cancellationToken);
        var status = ExchangeResponse.First(response)
            ?? throw new ExchangeException(ExchangeErrorKind.ServerError, "order response has no status");
        var now = context.Time.GetUtcNow();
        if (status.Error is not null)
        {
            return new OrderAck(order.ClientOrderId, null, false, status.Error, now);
        }

        var oid = status.Oid?.ToString(CultureInfo.InvariantCulture);
        if (status.Oid is { } o)
        {
            context.Remember(order.ClientOrderId, cloid, o);
        }

        return new OrderAck(order.ClientOrderId, oid, true, null, now);
    }

    public async Task CancelAsync(CancelOrder cancel, CancellationToken cancellationToken)
    {
        var asset = (await context.AssetsAsync(cancellationToken)).Get(cancel.Symbol);
        var action = long.TryParse(cancel.ExchangeOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var oid)
            ? ActionBuilder.Cancel(asset.AssetId, oid)
            : ActionBuilder.CancelByCloid(asset.AssetId, Cloids.FromClientOrderId(cancel.ClientOrderId
                ?? throw new ExchangeException(ExchangeErrorKind.Rejected, "cancel needs a client or exchange order id")));
        var response = await context.Rest.ExchangeAsync(context.Signer.Sign(action), 1, cancellationToken);
        var status = ExchangeResponse.First(response);
        if (status?.Error is { } error)
        {
            var kind = error.StartsWith("Order was never placed", StringComparison.Ordinal) ? ExchangeErrorKind.NotFound : ExchangeErrorKind.Rejected;
            throw new ExchangeException(kind, "Hyperliquid: " + error);
        }
    }

    /// <summary>batchModify; a new oid results, published as <see cref="OrderModified"/> on the execution streams.</summary>
    public async Task ModifyAsync(ModifyOrder modify, CancellationToken cancellationToken)
    {
        var asset = (await context.AssetsAsync(cancellationToken)).Get(modify.Symbol);
        JsonNode target = long.TryParse(modify.ExchangeOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var oid)
            ? JsonValue.Create(oid)
            : JsonValue.Create(Cloids.FromClientOrderId(modify.ClientOrderId ?? throw new ExchangeException(ExchangeErrorKind.Rejected, "modify needs an order id")));
        var current = await context.Rest.InfoAsync(new JsonObject { ["type"] = "orderStatus", ["user"] = context.Account, ["oid"] = target.DeepClone() }, cancellationToken);
        var existing = InfoParsers.OrderStatus(current, context.ClientIdOf)
            ?? throw new ExchangeException(ExchangeErrorKind.NotFound, $"Hyperliquid: order {target.ToJsonString()} is unknown");
        var clientId = modify.ClientOrderId ?? existing.ClientOrderId;
        var cloid = Cloids.FromClientOrderId(clientId);
        var remaining = existing.Quantity - existing.FilledQuantity;
        // a trigger order stays what it was: "Stop Market" / "Take Profit Market" keep isMarket, with the worst price
        // placed relative to the new trigger as PlaceAsync does; the trigger is rounded like a new order's
        var triggerMarket = existing.TriggerPrice is not null
            && (Json.OptStr(current?["order"]?["order"], "orderType")?.EndsWith("Market", StringComparison.Ordinal) ?? existing.LimitPrice is null);
        var trigger = modify.TriggerPrice is { } t ? WireFormat.RoundPrice(t, asset.SzDecimals, asset.IsSpot) : existing.TriggerPrice;
        var worst = triggerMarket && modify.LimitPrice is null && trigger is { } tp ? tp * (existing.Side == OrderSide.Buy ? 1.1m : 0.9m) : (decimal?)null;
        var wire = new OrderWire(
            asset.AssetId,
            existing.Side == OrderSide.Buy,
            RoundPx(worst ?? modify.LimitPrice ?? existing.LimitPrice ?? 0m, asset, existing.Side, aggressive: worst is not null),
            WireFormat.RoundSize(modify.Quantity ?? remaining, asset.SzDecimals, MidpointRounding.ToZero),
            existing.ReduceOnly,
            existing.TriggerPrice is null ? Tif(existing.TimeInForce) : null,
            triggerMarket,
            trigger,
            existing.TriggerPrice is null ? null : existing.Type == OrderType.TakeProfit ? "tp" : "sl",
            cloid);
        var response = await context.Rest.ExchangeAsync(context.Signer.Sign(ActionBuilder.BatchModify(target, wire)), 1, cancellationToken);
        var status = ExchangeResponse.First(response);
        if (status?.Error is { } error)
        {
            throw new ExchangeException(ExchangeErrorKind.Rejected, "Hyperliquid: " + error);
        }

        var newOid = status?.Oid ?? oid;
        context.Remember(clientId, cloid, newOid);
        context.Publish(new OrderModified(clientId, newOid.ToString(CultureInfo.InvariantCulture), context.Time.GetUtcNow(),
            wire.Size, wire.Tif is null ? null : wire.Price, wire.TriggerPrice));
    }

    /// <summary>Sends any prepared L1 action (leverage, isolated margin, scheduleCancel, noop) and checks the result.</summary>
    public async Task SendAsync(JsonObject action, CancellationToken cancellationToken) =>
        ExchangeResponse.Ok(await context.Rest.ExchangeAsync(context.Signer.Sign(action), 1, cancellationToken));

    private async Task<OrderWire> BuildWireAsync(SubmitOrder order, AssetInfo asset, string cloid, CancellationToken cancellationToken)
    {
        var isBuy = order.Side == OrderSide.Buy;
        var size = WireFormat.RoundSize(order.Quantity, asset.SzDecimals, MidpointRounding.ToZero);
        if (size <= 0m)
        {
            throw new ArgumentException($"quantity {order.Quantity} rounds to zero at {asset.SzDecimals} size decimals");
        }

        switch (order.Type)
        {
            case OrderType.Limit:
                var limit = order.LimitPrice ?? throw new ArgumentException("limit order needs a limit price");
                return new OrderWire(asset.AssetId, isBuy, RoundPx(limit, asset, order.Side, order.TimeInForce == TimeInForce.Ioc), size, order.ReduceOnly, Tif(order.TimeInForce), Cloid: cloid);
            case OrderType.Market:
                var mid = await MidAsync(asset, cancellationToken);
                var px = mid * (isBuy ? 1m + context.Options.MarketSlippage : 1m - context.Options.MarketSlippage);
                return new OrderWire(asset.AssetId, isBuy, RoundPx(px, asset, order.Side, aggressive: true), size, order.ReduceOnly, "Ioc", Cloid: cloid);
            default:
                var trigger = order.TriggerPrice ?? throw new ArgumentException("stop/take-profit order needs a trigger price");
                var worst = order.LimitPrice ?? trigger * (isBuy ? 1.1m : 0.9m);
                return new OrderWire(asset.AssetId, isBuy, RoundPx(worst, asset, order.Side, aggressive: order.LimitPrice is null), size, order.ReduceOnly, null,
                    order.LimitPrice is null, WireFormat.RoundPrice(trigger, asset.SzDecimals, asset.IsSpot), order.Type == OrderType.TakeProfit ? "tp" : "sl", cloid);
        }
    }

    private async Task<decimal> MidAsync(AssetInfo asset, CancellationToken cancellationToken)
    {
        var mids = await context.Rest.InfoAsync(new JsonObject { ["type"] = "allMids" }, cancellationToken);
        return Json.OptDec(mids, asset.Coin) ?? throw new ArgumentException($"no mid price for '{asset.Coin}'");
    }

    private static decimal RoundPx(decimal price, AssetInfo asset, OrderSide side, bool aggressive)
    {
        var up = (side == OrderSide.Buy) == aggressive;
        return WireFormat.RoundPrice(price, asset.SzDecimals, asset.IsSpot, up ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
    }

    private static string Tif(TimeInForce tif) => tif switch
    {
        TimeInForce.Ioc => "Ioc",
        TimeInForce.Alo => "Alo",
        _ => "Gtc",
    };

    private OrderAck Reject(SubmitOrder order, string reason) => new(order.ClientOrderId, null, false, reason, context.Time.GetUtcNow());
}
