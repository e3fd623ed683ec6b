using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary><c>rp orders list [--session S] [--limit N] [--json]</c> and <c>rp orders show CLIENT_ID [--session S] [--json]</c>.</summary>
public static class OrdersCommand
{
    public static Command Create(CommonOptions common) => new("orders", "Orders of stored paper sessions") { List(common), Show(common) };

    private static Command List(CommonOptions common)
    {
        var session = new Option<string?>("--session") { Description = "Only this session (default: all, newest first)" };
        var limit = new Option<int>("--limit") { Description = "Most rows (default 100)", DefaultValueFactory = _ => 100 };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("list", "List stored orders") { session, limit, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1_000_000)
            {
                throw new BadInputException("--limit must be 1..1,000,000");
            }

            using var db = OpenDatabase(parse, common);
            var orders = new PaperSessionStore(db, TimeProvider.System).ListOrders(parse.GetValue(session), n);
            if (parse.GetValue(json))
            {
                output.WriteJson(orders);
                return Task.FromResult(ExitCodes.Ok);
            }

            output.Table(
                ["session", "strategy", "order", "side", "qty", "state", "filled", "avg price", "fees", "decided"],
                orders.Select(o => (IReadOnlyList<string>)
                [
                    o.SessionId, o.Strategy, o.ClientOrderId, o.Side, D(o.Quantity), o.State, D(o.FilledQuantity), o.AvgFillPrice is { } p ? D(p) : "-", D(o.Fees), Iso(o.DecisionTime),
                ]),
                "orders");
            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }

    private static Command Show(CommonOptions common)
    {
        var id = new Argument<string>("client-order-id") { Description = "Client order id, e.g. S1-00000003" };
        var session = new Option<string?>("--session") { Description = "Session (default: the newest with that id)" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("show", "Show one order and its journal") { id, session, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() =>
        {
            using var db = OpenDatabase(parse, common);
            var store = new PaperSessionStore(db, TimeProvider.System);
            var clientId = parse.GetValue(id)!;
            var order = store.FindOrder(clientId, parse.GetValue(session))
                ?? throw new BadInputException($"order {clientId} not found (see: rp orders list)");
            var journal = store.JournalOf(order.SessionId, clientId);
            if (parse.GetValue(json))
            {
                output.WriteJson(new { Order = order, Journal = journal.Select(j => new { j.Sequence, j.Kind, Timestamp = Iso(j.Timestamp), Entry = JsonDocument.Parse(j.Entry).RootElement }) });
                return Task.FromResult(ExitCodes.Ok);
            }

            output.KeyValues(
                [
                    ("session", order.SessionId), ("strategy", order.Strategy), ("order", order.ClientOrderId), ("symbol", order.Symbol),
                    ("side / type", $"{order.Side} / {order.Type}"), ("quantity", D(order.Quantity)), ("state", order.State),
                    ("filled", D(order.FilledQuantity)), ("avg fill price", order.AvgFillPrice is { } p ? D(p) : "-"), ("fees", D(order.Fees)),
                    ("decision", $"{D(order.DecisionPrice)} at {Iso(order.DecisionTime)}"), ("reason", order.Reason ?? "-"),
                ],
                "order " + order.ClientOrderId);
            output.Table(["seq", "kind", "time"], journal.Select(j => (IReadOnlyList<string>)[j.Sequence.ToString(CultureInfo.InvariantCulture), j.Kind, Iso(j.Timestamp)]), "journal");
            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }

    private static string D(decimal v) => v.ToString("0.########", CultureInfo.InvariantCulture);
}
