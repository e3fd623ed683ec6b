using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// LIVE_TESTNET: strategies trade a venue through its exchange adapter on the live path. Candles come from the
/// adapter (history by REST, then the candle stream; a gap after a reconnect is filled by REST), fills and order
/// updates from its execution stream (which fetches state by REST after every reconnect). Both streams feed one
/// queue consumed by one loop, so a strategy's state is only touched by that loop. At the end positions are closed,
/// the last fills awaited, every order reconciled by client order id and journal and venue compared.
/// </summary>
internal static class LivePaperEngine
{
    /// <summary>Instrument, history and starting position; throws <see cref="PaperInputException"/> for an unknown symbol.</summary>
    public static async Task<LiveMarket> PrepareAsync(IExchangeAdapter venue, LivePaperSettings settings, CancellationToken cancellationToken)
    {
        var instruments = await venue.GetInstrumentsAsync(cancellationToken);
        var instrument = instruments.FirstOrDefault(i => string.Equals(i.Symbol, settings.Symbol, StringComparison.Ordinal))
            ?? throw new PaperInputException($"unknown coin '{settings.Symbol}' on {venue.VenueId} (listed: {string.Join(", ", instruments.Select(i => i.Symbol).Take(20))})");
        var all = await venue.GetCandlesAsync(settings.Symbol, settings.Interval, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100), cancellationToken);

        // The newest candle of a snapshot may still be open: it comes back on the stream when it closes.
        var closed = all.Count > 0 ? all.Take(all.Count - 1).ToList() : [];
        var firstLive = settings.FirstLiveOpen ?? (closed.Count > 0 ? closed[^1].OpenTime + settings.Interval.Duration : DateTimeOffset.UnixEpoch);
        var history = closed.Where(c => c.OpenTime < firstLive).TakeLast(settings.HistoryBars).Concat(closed.Where(c => c.OpenTime >= firstLive)).ToList();
        var positions = await venue.GetPositionsAsync(cancellationToken);
        return new LiveMarket(instrument, history, firstLive, positions.Where(p => p.Symbol == settings.Symbol).Sum(p => p.Quantity));
    }

    public static async Task<PaperSessionResult> RunAsync(
        string sessionId,
        IExchangeAdapter venue,
        LiveMarket market,
        LivePaperSettings settings,
        IReadOnlyList<PaperStrategy> strategies,
        PaperOptions options,
        Func<int, (IOrderJournal Journal, string ClientPrefix)> journalFor,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runners = new List<LiveStrategyRunner>();
        for (var s = 0; s < strategies.Count; s++)
        {
            var (journal, prefix) = journalFor(s);
            runners.Add(new LiveStrategyRunner(strategies[s], settings.Symbol, options, venue, journal, prefix, market.Instrument.LotSize, market.FirstLiveOpen, log));
        }

        var candles = new List<Candle>(market.History);
        var done = candles.Count(c => c.OpenTime >= market.FirstLiveOpen);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = new[]
        {
            PumpAsync(venue.StreamExecutionEventsAsync(stop.Token), queue.Writer, stop.Token),
            PumpAsync(venue.StreamMarketDataAsync([settings.Symbol], stop.Token), queue.Writer, stop.Token),
        };
        try
        {
            foreach (var r in runners)
            {
                await r.StartAsync(cancellationToken);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"live: {candles.Count} candles of history, {done} of {Describe(settings)} already traded; waiting for closed candles"));
            await TradeAsync(venue, settings, runners, candles, done, queue.Reader, log, cancellationToken);
            var last = candles[^1];
            foreach (var r in runners)
            {
                await r.CloseAsync(last.Close, last.OpenTime + settings.Interval.Duration, cancellationToken);
            }

            await SettleAsync(runners, queue.Reader, settings.SettleTimeout, cancellationToken);
            foreach (var r in runners)
            {
                await r.Manager.ReconcileAsync(cancellationToken);
            }

            var checks = await LiveVenueCheck.CompareAsync(venue, runners, settings.Symbol, market.StartPosition, last.Close, cancellationToken);
            var series = Series(settings, candles);
            var results = runners.Select((r, i) => r.Result(last.Close, Backtesting.Annualization.BarsPerYear(series), checks[i])).ToList();
            clock.Stop();
            var live = candles.Where(c => c.OpenTime >= market.FirstLiveOpen).ToList();
            var from = live.Count > 0 ? live[0].OpenTime : market.FirstLiveOpen;
            return new PaperSessionResult(sessionId, settings.Symbol, settings.Interval.Code, from, last.OpenTime + settings.Interval.Duration, live.Count, clock.Elapsed, results);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(pumps).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task TradeAsync(IExchangeAdapter venue, LivePaperSettings settings, List<LiveStrategyRunner> runners, List<Candle> candles, int done, ChannelReader<object> queue, Action<string>? log, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Duration is { } d)
        {
            deadline.CancelAfter(d);
        }

        while (settings.Bars <= 0 || done < settings.Bars)
        {
            object item;
            try
            {
                item = await queue.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                log?.Invoke("live: --duration reached");
                return;
            }

            switch (item)
            {
                case ExecutionEvent e:
                    Route(runners, e, log);
                    break;
                case CandleClosed { Candle: var c } when candles.Count == 0 || c.OpenTime > candles[^1].OpenTime:
                    foreach (var bar in await NewCandlesAsync(venue, settings, candles, c, cancellationToken))
                    {
                        candles.Add(bar);
                        done++;
                        var series = Series(settings, candles);
                        var last = settings.Bars > 0 && done >= settings.Bars;
                        foreach (var r in runners)
                        {
                            await r.OnBarAsync(series, last, cancellationToken);
                        }

                        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                            $"bar {done}{(settings.Bars > 0 ? "/" + settings.Bars.ToString(CultureInfo.InvariantCulture) : "")} {bar.OpenTime:yyyy-MM-dd HH:mm} close {bar.Close}: position {string.Join(", ", runners.Select(r => r.Manager.Positions.QuantityOf(settings.Symbol).ToString(CultureInfo.InvariantCulture)))}, orders {runners.Sum(r => r.Manager.Orders.Count)}"));
                        if (last)
                        {
                            return;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The closed candle, preceded by any the stream skipped (a reconnect gap), fetched by REST.</summary>
    private static async Task<IReadOnlyList<Candle>> NewCandlesAsync(IExchangeAdapter venue, LivePaperSettings settings, List<Candle> candles, Candle closed, CancellationToken cancellationToken)
    {
        if (candles.Count == 0 || closed.OpenTime == candles[^1].OpenTime + settings.Interval.Duration)
        {
            return [closed];
        }

        var missing = await venue.GetCandlesAsync(settings.Symbol, settings.Interval, candles[^1].OpenTime + settings.Interval.Duration, closed.OpenTime, cancellationToken);
        return [.. missing.Where(c => c.OpenTime > candles[^1].OpenTime && c.OpenTime < closed.OpenTime), closed];
    }

    private static async Task SettleAsync(List<LiveStrategyRunner> runners, ChannelReader<object> queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!runners.All(r => r.AllTerminal))
            {
                if (await queue.ReadAsync(deadline.Token) is ExecutionEvent e)
                {
                    Route(runners, e, null);
                }
            }

            // Events already queued (e.g. a fill published with the last status) are applied too.
            while (queue.TryRead(out var item))
            {
                if (item is ExecutionEvent e)
                {
                    Route(runners, e, null);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static void Route(List<LiveStrategyRunner> runners, ExecutionEvent e, Action<string>? log)
    {
        var runner = runners.FirstOrDefault(r => e.ClientOrderId.StartsWith(r.ClientPrefix + "-", StringComparison.Ordinal));
        if (runner is null)
        {
            log?.Invoke($"live: {e.GetType().Name} for {e.ClientOrderId}, not an order of this session; ignored");
            return;
        }

        runner.Apply(e);
    }

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<object> writer, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static BarSeries Series(LivePaperSettings settings, List<Candle> candles)
    {
        var n = candles.Count;
        var t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var k = candles[i];
            (t[i], o[i], h[i], l[i], c[i], v[i]) = (k.OpenTime.ToUnixTimeMilliseconds(), (double)k.Open, (double)k.High, (double)k.Low, (double)k.Close, (double)k.Volume);
        }

        return new BarSeries(settings.Symbol, settings.Interval, t, o, h, l, c, v);
    }

    private static string Describe(LivePaperSettings s) =>
        s.Bars > 0 ? s.Bars.ToString(CultureInfo.InvariantCulture) + " bars" : "--duration " + s.Duration;
}
