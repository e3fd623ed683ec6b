using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>The risk part of <c>rp backtest --risk</c>: the events table and the <c>risk_*</c> JSON fields.</summary>
internal static class RiskTables
{
    public static void Write(CliOutput output, string riskId, RiskBacktestResult r)
    {
        var levelChanges = r.Events.Where(e => e.Kind == RiskEventKind.LevelChange).ToList();
        output.KeyValues(
        [
            ("risk genome", riskId),
            ("level changes", levelChanges.Count.ToString(CultureInfo.InvariantCulture)),
            ("orders rejected", r.RejectedOrders.ToString(CultureInfo.InvariantCulture)),
            ("orders resized", r.ResizedOrders.ToString(CultureInfo.InvariantCulture)),
            ("risk flattens", r.Events.Count(e => e.Kind == RiskEventKind.Flatten).ToString(CultureInfo.InvariantCulture)),
        ],
        "risk");
        output.Table(
            ["time", "level", "breakers", "active after"],
            levelChanges.Select(e => (IReadOnlyList<string>)[Iso(e.Time), $"{e.From} -> {e.To}", e.Breakers, e.Detail]),
            "risk level changes");
        var flattens = r.Events.Where(e => e.Kind == RiskEventKind.Flatten).ToList();
        if (flattens.Count > 0)
        {
            output.Table(["time", "level", "detail"], flattens.Select(e => (IReadOnlyList<string>)[Iso(e.Time), e.To.ToString(), e.Detail]), "risk flattens");
        }
    }

    /// <summary>Adds <c>risk</c>, <c>risk_genes</c>, <c>risk_events</c> and the order counts to the report.</summary>
    public static void AddTo(JsonObject doc, string riskId, string source, Dictionary<string, double> genes, RiskBacktestResult r)
    {
        doc["risk"] = riskId;
        doc["risk_source"] = source;
        doc["risk_genes"] = JsonSerializer.SerializeToNode(genes, CliOutput.Json);
        doc["risk_orders_rejected"] = r.RejectedOrders;
        doc["risk_orders_resized"] = r.ResizedOrders;
        doc["risk_events"] = JsonSerializer.SerializeToNode(r.Events.Select(e => new
        {
            time = Iso(e.Time),
            bar = e.Bar,
            kind = Kind(e.Kind),
            from = e.From.ToString().ToUpperInvariant(),
            to = e.To.ToString().ToUpperInvariant(),
            breakers = e.Breakers,
            detail = e.Detail,
        }).ToList(), CliOutput.Json);
    }

    private static string Kind(RiskEventKind kind) => kind switch
    {
        RiskEventKind.LevelChange => "level_change",
        RiskEventKind.OrderRejected => "order_rejected",
        RiskEventKind.OrderResized => "order_resized",
        _ => "flatten",
    };
}
