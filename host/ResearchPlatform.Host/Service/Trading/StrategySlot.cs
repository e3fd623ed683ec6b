using ResearchPlatform.Engine.Paper;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>One strategy of the service's pool: what it is, its runner once the paper engine started, its equity.</summary>
internal sealed class StrategySlot(PaperStrategy strategy, string pluginSource)
{
    public string Id => Strategy.Name;

    public PaperStrategy Strategy { get; } = strategy;

    /// <summary><c>pluginId@versionTag</c> of the seed type that produces its signals.</summary>
    public string PluginSource { get; } = pluginSource;

    public PaperStrategyRunner? Runner { get; set; }

    public CapturingJournal? Journal { get; set; }

    /// <summary>The catch-up journal of a restored session (inside <see cref="Journal"/>), null for a new session.</summary>
    public CatchUpOrderJournal? CatchUp { get; set; }

    public bool Running { get; set; } = true;

    /// <summary>The last bar this strategy processed (-1 = none): a replay restarted after a fault skips it for this bar.</summary>
    public int LastBar { get; set; } = -1;

    /// <summary>Equity after each replayed bar (same length as the runtime's curve).</summary>
    public List<double> Equity { get; } = [];

    /// <summary>Kernel backtest over the replay's first 70 % of bars (<see cref="SlotBacktests"/>); null until computed.</summary>
    public Views.MetricsView? Backtest { get; set; }

    /// <summary>Kernel backtest over the replay's last 30 % of bars; null until computed.</summary>
    public Views.MetricsView? OutOfSample { get; set; }

    public bool BacktestsComputed { get; set; }
}
