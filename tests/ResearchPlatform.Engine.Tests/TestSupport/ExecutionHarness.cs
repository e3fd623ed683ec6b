using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A simulated clock, a simulated venue (optionally wrapped by a scripted-fault adapter), a file journal in a temp
/// folder and an order manager, wired the way the paper engine will wire them.
/// </summary>
internal sealed class ExecutionHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly InstrumentSpec Btc = new("BTC", TickSize: 0.1m, LotSize: 0.001m, MinQuantity: 0.001m, MaxQuantity: 100m, MinNotional: 10m);

    private DateTimeOffset _nextBar = Start;

    public ExecutionHarness(SimulatedVenueOptions? venueOptions = null, ExchangeRetryOptions? retry = null, IOrderRiskCheck? risk = null, Func<IExchangeAdapter, IExchangeAdapter>? wrap = null, bool fsync = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "rp-orders-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        JournalPath = Path.Combine(Directory, "orders.jsonl");
        Clock = new SimulatedClock(Start);
        Venue = new SimulatedVenue(venueOptions ?? DefaultVenue(), Clock);
        Adapter = wrap?.Invoke(Venue) ?? Venue;
        Options = new OrderManagerOptions { Retry = retry ?? new ExchangeRetryOptions() };
        Risk = risk;
        Fsync = fsync;
        Journal = new FileOrderJournal(JournalPath, fsync);
        Manager = new OrderManager(Adapter, Journal, Options, Clock, risk, Log.Add);
    }

    public string Directory { get; }

    public string JournalPath { get; }

    public SimulatedClock Clock { get; }

    public SimulatedVenue Venue { get; }

    public IExchangeAdapter Adapter { get; }

    public OrderManagerOptions Options { get; }

    public IOrderRiskCheck? Risk { get; }

    public bool Fsync { get; }

    public FileOrderJournal Journal { get; private set; }

    public OrderManager Manager { get; private set; }

    public List<string> Log { get; } = [];

    /// <summary>Zero slippage and impact, 100 % participation, no latency: fills are easy to compute by hand.</summary>
    public static SimulatedVenueOptions DefaultVenue() => new()
    {
        Instruments = [Btc],
        SlippageBps = 0,
        ImpactBps = 0,
        ParticipationCap = 1m,
        LatencyFixed = TimeSpan.Zero,
        LatencyJitter = TimeSpan.Zero,
    };

    public Task StartAsync() => Manager.StartAsync(CancellationToken.None).AsTask();

    /// <summary>Simulates a crash: drops the manager, reopens the journal file, builds a new manager and starts it.</summary>
    public async Task<OrderManager> RestartAsync(Action<string>? beforeReopen = null)
    {
        Journal.Dispose();
        beforeReopen?.Invoke(JournalPath);
        Journal = new FileOrderJournal(JournalPath, Fsync);
        Manager = new OrderManager(Adapter, Journal, Options, Clock, Risk, Log.Add);
        await Manager.StartAsync(CancellationToken.None);
        return Manager;
    }

    /// <summary>Next 1h bar for BTC; the clock moves to the bar's close.</summary>
    public void Bar(decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000m)
    {
        var bar = new Candle("BTC", _nextBar, open, high, low, close, volume);
        _nextBar += TimeSpan.FromHours(1);
        Clock.AdvanceTo(_nextBar);
        Venue.ProcessCandle(bar);
    }

    /// <summary>Applies every pending venue event to the manager.</summary>
    public int Pump()
    {
        var n = 0;
        while (Venue.TryReadEvent(out var e))
        {
            Manager.Apply(e!);
            n++;
        }

        return n;
    }

    public ValueTask<OrderSubmission> Submit(OrderSide side, OrderType type, decimal quantity, decimal? limit = null, decimal? trigger = null, TimeInForce tif = TimeInForce.Gtc, bool reduceOnly = false, decimal decisionPrice = 100m) =>
        Manager.SubmitAsync(new OrderRequest("BTC", side, type, quantity, decisionPrice, Clock.GetUtcNow(), limit, trigger, tif, reduceOnly), CancellationToken.None);

    public void Dispose()
    {
        Journal.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
