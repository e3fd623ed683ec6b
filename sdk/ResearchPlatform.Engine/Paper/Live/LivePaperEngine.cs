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
        var queue = new LiveQueue();
        var pumps = new[]
        {
            PumpAsync(venue.StreamExecutionEventsAsync(stop.Token), queue.Events.Writer, queue.Market.Writer, stop.Token),
            PumpAsync(venue.StreamMarketDataAsync([settings.Symbol], stop.Token), queue.Market.Writer, queue.Market.Writer, stop.Token),
        };
        try
        {
            foreach (var r in runners)
            {
                await r.StartAsync(cancellationToken);
            }

            settings.RunnersStarted?.Invoke(runners);

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"live: {candles.Count} candles of history, {done} of {Describe(settings)} already traded; waiting for closed candles"));
            var firstLive = await TradeAsync(venue, settings, runners, candles, done, queue, log, cancellationToken) ?? market.FirstLiveOpen;
            if (candles.Count == 0)
            {
                throw new PaperInputException($"{venue.VenueId} sent no candles of {settings.Symbol} {settings.Interval.Code}");
            }

            var last = candles[^1];
            // Orders still working (a fill delayed by a reconnect) settle before the position is closed; a close that
            // does not fill (IOC outside the price, retries exhausted) is retried once after reconciliation.
            await SettleAsync(runners, queue.Events.Reader, settings.SettleTimeout, cancellationToken);
            for (var attempt = 0; attempt < 2 && (attempt == 0 || runners.Any(r => r.Manager.Positions.QuantityOf(settings.Symbol) != 0)); attempt++)
            {
                foreach (var r in runners)
                {
                    await r.CloseAsync(last.Close, cancellationToken);
                }

                await SettleAsync(runners, queue.Events.Reader, settings.SettleTimeout, cancellationToken);
                foreach (var r in runners)
                {
                    await r.Manager.ReconcileAsync(cancellationToken);
                }
            }

            // The funding the venue charged the account from the first live candle on (venue time), booked before the check.
            var funding = await LiveFunding.BookAsync(venue, runners, settings.Symbol, market.StartPosition, firstLive, cancellationToken);
            var checks = await LiveVenueCheck.CompareAsync(venue, runners, settings.Symbol, market.StartPosition, last.Close, funding, cancellationToken);
            var series = Series(settings, candles);
            var results = runners.Select((r, i) => r.Result(last.Close, Backtesting.Annualization.BarsPerYear(series), checks[i])).ToList();
            clock.Stop();
            var live = candles.Where(c => c.OpenTime >= firstLive).ToList();
            var from = live.Count > 0 ? live[0].OpenTime : firstLive;
            return new PaperSessionResult(sessionId, settings.Symbol, settings.Interval.Code, from, last.OpenTime + settings.Interval.Duration, live.Count, clock.Elapsed, results);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(pumps).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Trades until the bars or the duration are done; returns the open time of the first live candle (fresh sessions).</summary>
    private static async Task<DateTimeOffset?> TradeAsync(IExchangeAdapter venue, LivePaperSettings settings, List<LiveStrategyRunner> runners, List<Candle> candles, int done, LiveQueue queue, Action<string>? log, CancellationToken cancellationToken)
    {
        // A fresh session starts with the first candle the stream delivers; candles that closed between the history
        // request and that one (a slow start) are history, not session bars.
        DateTimeOffset? firstLive = settings.FirstLiveOpen is null ? null : settings.FirstLiveOpen;
        var live = settings.FirstLiveOpen is not null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Duration is { } d)
        {
            deadline.CancelAfter(d);
        }

        while (settings.Bars <= 0 || done < settings.Bars)
        {
            // Venue events first: a strategy decides on the fills that arrived before its candle closed.
            while (queue.Events.Reader.TryRead(out var e))
            {
                Route(runners, e, log);
            }

            if (!queue.Market.Reader.TryRead(out var item))
            {
                if (!await queue.WaitAsync(deadline.Token))
                {
                    log?.Invoke(cancellationToken.IsCancellationRequested ? "live: canceled" : "live: --duration reached");
                    cancellationToken.ThrowIfCancellationRequested();
                    return firstLive;
                }

                continue;
            }

            if (item is Exception failed)
            {
                throw new InvalidOperationException("venue stream failed: " + failed.Message, failed);
            }

            if (item is not CandleClosed { Candle: var c } || (candles.Count > 0 && c.OpenTime <= candles[^1].OpenTime))
            {
                continue;
            }

            // A candle that arrives with others (a gap filled by REST, a burst after a stall) only extends the history:
            // the strategies trade on the newest closed candle, never on stale ones.
            var batch = await NewCandlesAsync(venue, settings, candles, c, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                candles.Add(batch[i]);
                if (!live && i < batch.Count - 1)
                {
                    continue;
                }

                if (!live)
                {
                    live = true;
                    firstLive = batch[i].OpenTime;
                    settings.FirstLiveCandle?.Invoke(batch[i].OpenTime);
                }

                done++;
                var last = settings.Bars > 0 && done >= settings.Bars;
                if (i < batch.Count - 1 && !last)
                {
                    continue;
                }

                await OnBarAsync(settings, runners, candles, done, batch.Count - 1, last, log, cancellationToken);
                if (last)
                {
                    return firstLive;
                }
            }
        }

        return firstLive;
    }

    private static async Task OnBarAsync(LivePaperSettings settings, List<LiveStrategyRunner> runners, List<Candle> candles, int done, int skipped, bool last, Action<string>? log, CancellationToken cancellationToken)
    {
        var series = Series(settings, candles);
        foreach (var r in runners)
        {
            await r.OnBarAsync(series, last, cancellationToken);
        }

        var bar = candles[^1];
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"bar {done}{(settings.Bars > 0 ? "/" + settings.Bars.ToString(CultureInfo.InvariantCulture) : "")} {bar.OpenTime:yyyy-MM-dd HH:mm} close {bar.Close}{(skipped > 0 ? $" ({skipped} earlier candles caught up)" : "")}: position {string.Join(", ", runners.Select(r => r.Manager.Positions.QuantityOf(settings.Symbol).ToString(CultureInfo.InvariantCulture)))}, orders {runners.Sum(r => r.Manager.Orders.Count)}"));
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

    private static async Task SettleAsync(List<LiveStrategyRunner> runners, ChannelReader<ExecutionEvent> queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!runners.All(r => r.AllTerminal))
            {
                Route(runners, await queue.ReadAsync(deadline.Token), null);
            }

            // Events already queued (e.g. a fill published with the last status) are applied too.
            while (queue.TryRead(out var e))
            {
                Route(runners, e, null);
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

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, ChannelWriter<object> failures, CancellationToken cancellationToken)
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
#pragma warning disable CA1031 // any failure of a stream must stop the trading loop, which rethrows it
        catch (Exception e)
        {
            failures.TryWrite(e);
        }
#pragma warning restore CA1031
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
        s.Bars > 0 ? s.Bars.ToString(CultureInfo.InvariantCulture) + " bars" : s.Duration is { } d ? "--duration " + d : "an open-ended session (until stopped)";
}
