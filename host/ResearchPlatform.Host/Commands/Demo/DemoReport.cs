using System.Globalization;
using System.Net;
using System.Text;
using ResearchPlatform.Engine.Backtesting.RiskAware;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// The demo's HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing fetched) with the summary
/// table, fitness per generation, equity curves backtest vs paper per strategy with risk events on the timeline,
/// drawdowns, the risk/breaker events, the decisions and the demo's threshold overrides.
/// </summary>
internal static class DemoReport
{
    private const string Css = "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}table{border-collapse:collapse;margin:8px 0 16px}"
        + "th,td{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:right}th{background:#f2f2f2}td.l,th.l{text-align:left}"
        + "h2{margin-top:28px;border-bottom:1px solid #ddd}.chart{display:block;margin:6px 0}.muted{color:#666;font-size:13px}";

    public static string Html(DemoResult r, DemoPaperOutcome? paper)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>rp demo report</title><style>").Append(Css).Append("</style></head><body>");
        sb.Append("<h1>ResearchPlatform demo</h1>");
        sb.Append(F($"<p class=\"muted\">workspace {E(r.Workspace)} &middot; evolution run {E(r.RunId)} (population {r.Population} x {r.Generations} generations, size {E(r.Size)}) &middot; paper session {E(r.PaperSession ?? "-")} ({E(r.PaperFrom ?? "-")} .. {E(r.PaperTo ?? "-")}) &middot; {r.Seconds:0.0} s</p>"));
        Summary(sb, r);
        sb.Append("<h2 id=\"fitness\">Fitness per generation</h2>");
        sb.Append(SvgChart.Lines("fitness per generation (composite, walk-forward)",
            [new("best", "#1f77b4", [.. r.FitnessPerGeneration.Select(g => g.Best)]), new("mean", "#ff7f0e", [.. r.FitnessPerGeneration.Select(g => g.Mean)])],
            ("generation 0", F($"generation {Math.Max(0, r.FitnessPerGeneration.Count - 1)}")), yFormat: "0.###"));
        if (paper is not null)
        {
            Curves(sb, paper);
            Events(sb, paper);
        }

        Decisions(sb, r);
        sb.Append("<h2 id=\"overrides\">Demo threshold overrides</h2><table><tr><th class=\"l\">name</th><th>rules</th><th>demo</th><th class=\"l\">why</th></tr>");
        foreach (var o in r.Overrides)
        {
            sb.Append(F($"<tr><td class=\"l\">{E(o.Name)}</td><td>{o.From:0.##}</td><td>{o.To:0.##}</td><td class=\"l\">{E(o.Why)}</td></tr>"));
        }

        sb.Append(F($"</table><p class=\"muted\">alerts: {E(r.AlertsFile)} ({r.AlertsFileLines} lines) &middot; database: {E(r.Database)}</p></body></html>"));
        return sb.ToString();
    }

    /// <summary>A Sharpe ratio as the table and report show it.</summary>
    public static string Sharpe(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Pct(double? v) => v is { } d && double.IsFinite(d) ? (d * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void Summary(StringBuilder sb, DemoResult r)
    {
        sb.Append("<h2 id=\"summary\">Strategies</h2><table><tr><th class=\"l\">strategy</th><th class=\"l\">seed</th><th class=\"l\">genes</th>"
            + "<th>backtest Sharpe</th><th>backtest return</th><th>backtest max DD</th><th>paper Sharpe</th><th>paper return</th><th>paper max DD</th>"
            + "<th>trades</th><th>risk events</th><th class=\"l\">stage</th></tr>");
        foreach (var s in r.Strategies)
        {
            sb.Append(F($"<tr><td class=\"l\">{E(s.Id)}</td><td class=\"l\">{E(s.Seed)}</td><td class=\"l\">{E(s.Genes)}</td><td>{Sharpe(s.BacktestSharpe)}</td><td>{Pct(s.BacktestReturn)}</td>"));
            sb.Append(F($"<td>{Pct(s.BacktestMaxDrawdown)}</td><td>{Sharpe(s.PaperSharpe)}</td><td>{Pct(s.PaperReturn)}</td><td>{Pct(s.PaperMaxDrawdown)}</td>"));
            sb.Append(F($"<td>{(s.Trades is { } t ? t.ToString(CultureInfo.InvariantCulture) : "-")}</td><td>{s.RiskEvents}</td><td class=\"l\">{E(s.Stage)}</td></tr>"));
        }

        sb.Append("</table><p class=\"muted\">backtest: walk-forward out-of-sample figures of the evolution run (what the deployment gate used); paper: the accelerated replay of the hold-out window the GA never saw.</p>");
    }

    private static void Curves(StringBuilder sb, DemoPaperOutcome paper)
    {
        var w = paper.Window;
        var span = (w.TimeAt(0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.TimeAt(w.Count - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        sb.Append("<h2 id=\"equity\">Equity: backtest vs paper (hold-out window)</h2>");
        for (var i = 0; i < paper.Result.Strategies.Count; i++)
        {
            var s = paper.Result.Strategies[i];
            var markers = s.RiskEvents.Where(e => e.Bar >= 0).Select(e => new SvgChart.Marker(e.Bar,
                F($"{e.Time:yyyy-MM-dd} {e.Kind}: {e.From} -> {e.To} {e.Breakers}"), e.Kind == RiskEventKind.LevelChange ? "#d62728" : "#ff9900")).ToList();
            var backtest = paper.Kernel[i].Equity;
            sb.Append(SvgChart.Lines($"{s.Strategy.Name}: equity (risk events dashed)",
                [new("backtest (kernel, no risk manager)", "#1f77b4", backtest), new("paper (replay through the risk manager)", "#2ca02c", s.Equity)], span, markers, "0"));
            sb.Append(SvgChart.Lines($"{s.Strategy.Name}: drawdown %",
                [new("backtest", "#1f77b4", Drawdown(backtest)), new("paper", "#2ca02c", Drawdown(s.Equity))], span, markers, "0.0"));
        }
    }

    private static void Events(StringBuilder sb, DemoPaperOutcome paper)
    {
        sb.Append("<h2 id=\"breakers\">Risk and breaker events (paper)</h2><table><tr><th class=\"l\">strategy</th><th class=\"l\">time</th><th class=\"l\">event</th><th class=\"l\">level</th><th class=\"l\">breakers</th><th class=\"l\">detail</th></tr>");
        var any = false;
        foreach (var s in paper.Result.Strategies)
        {
            foreach (var e in s.RiskEvents)
            {
                any = true;
                sb.Append(F($"<tr><td class=\"l\">{E(s.Strategy.Name)}</td><td class=\"l\">{e.Time:yyyy-MM-dd HH:mm}</td><td class=\"l\">{e.Kind}</td><td class=\"l\">{e.From} -> {e.To}</td><td class=\"l\">{E(e.Breakers)}</td><td class=\"l\">{E(e.Detail)}</td></tr>"));
            }
        }

        sb.Append(any ? "</table>" : "</table><p class=\"muted\">no breaker tripped and no order was rejected during the replay.</p>");
    }

    private static void Decisions(StringBuilder sb, DemoResult r)
    {
        sb.Append("<h2 id=\"decisions\">Decisions</h2><table><tr><th class=\"l\">id</th><th class=\"l\">type</th><th class=\"l\">decision</th><th>confidence</th><th class=\"l\">routing</th><th class=\"l\">changes</th></tr>");
        foreach (var d in r.Decisions)
        {
            sb.Append(F($"<tr><td class=\"l\">{E(d.Id)}</td><td class=\"l\">{E(d.Type)}</td><td class=\"l\">{E(d.Summary)}</td><td>{d.Confidence:0.00}</td><td class=\"l\">{E(d.Routing)}</td><td class=\"l\">{E(string.Join("; ", d.Changes))}</td></tr>"));
        }

        sb.Append("</table>");
    }

    private static double[] Drawdown(IReadOnlyList<double> equity)
    {
        var dd = new double[equity.Count];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < equity.Count; i++)
        {
            peak = Math.Max(peak, equity[i]);
            dd[i] = peak > 0 ? ((equity[i] / peak) - 1) * 100 : 0;
        }

        return dd;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
