using System.Globalization;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Commands.RiskEvolution;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>
/// The risk side of a paper session: the market state its risk managers see (realised volatility and lagged Fear &amp;
/// Greed, rebuilt the same way on resume) and the storage of their events in <c>risk_events</c> (source kind
/// <c>paper</c>, source id <c>SESSION/S1</c>, <c>SESSION/S2</c>, ... per strategy).
/// </summary>
internal static class PaperRiskEvents
{
    /// <summary><see cref="PaperOptions.MarketSource"/> of the workspace's Fear &amp; Greed readings.</summary>
    public const string WorkspaceMarket = "workspace";

    /// <summary><paramref name="options"/> with the market states of <paramref name="source"/> (null = none).</summary>
    public static PaperOptions WithMarket(PaperOptions options, string? source, BarSeries bars, ResearchDatabase db)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (source is null || options.Risk is null)
        {
            return options with { Market = null, MarketSource = null };
        }

        var (states, _, _) = RiskMarketInputs.Resolve(bars, db, source == WorkspaceMarket ? null : source);
        return options with { Market = states, MarketSource = source };
    }

    /// <summary>Stores every strategy's risk events; returns how many.</summary>
    public static int Save(ResearchDatabase db, string sessionId, PaperSessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var store = new RiskEventStore(db);
        var count = 0;
        for (var s = 0; s < result.Strategies.Count; s++)
        {
            var events = result.Strategies[s].RiskEvents;
            if (events.Count > 0)
            {
                count += store.Save(RiskEventStore.Paper, string.Create(CultureInfo.InvariantCulture, $"{sessionId}/S{s + 1}"), events);
            }
        }

        return count;
    }
}
