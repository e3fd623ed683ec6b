using System.Diagnostics;
using System.Globalization;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// ACCELERATED_REPLAY: historical bars drive each strategy's simulated clock bar by bar through the live order path
/// (signal at the close -> sizer -> risk -> order manager -> simulated venue fill at the next open). As fast as
/// possible, or paced at N x real time.
/// </summary>
internal static class PaperReplayEngine
{
    /// <summary>
    /// Runs <paramref name="strategies"/> over <paramref name="bars"/>. <paramref name="journalFor"/> gives each strategy's
    /// order journal (by strategy index; null = in memory). <paramref name="progress"/> receives bars done;
    /// <paramref name="log"/> how a resumed session caught up.
    /// </summary>
    public static async Task<PaperSessionResult> RunAsync(
        string sessionId,
        BarSeries bars,
        IReadOnlyList<PaperStrategy> strategies,
        PaperOptions options,
        Func<int, IOrderJournal>? journalFor,
        IProgress<int>? progress,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        Validate(bars, strategies, options);
        var runners = new PaperStrategyRunner[strategies.Count];
        for (var s = 0; s < strategies.Count; s++)
        {
            var journal = journalFor?.Invoke(s) ?? new MemoryOrderJournal();
            var prefix = string.Create(CultureInfo.InvariantCulture, $"S{s + 1}");
            runners[s] = await PaperStrategyRunner.CreateAsync(strategies[s], bars, options, journal, prefix, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var pace = options.SpeedMultiplier is { } m ? bars.Interval.Duration / m : TimeSpan.Zero;
        var pacedFrom = CatchUpBar(bars, runners) + 1;
        var pacedSince = TimeSpan.Zero;
        for (var i = 0; i < bars.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var r in runners)
            {
                await r.OnBarAsync(i, cancellationToken);
                if (r.TryCompleteCatchUp() && r.Resume is { } resume)
                {
                    log?.Invoke(Describe(r.Strategy.Name, resume));
                }
            }

            if (i == pacedFrom - 1)
            {
                pacedSince = clock.Elapsed;
            }

            if (pace > TimeSpan.Zero && i >= pacedFrom)
            {
                var due = pacedSince + (pace * (i + 1 - pacedFrom));
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, cancellationToken);
                }
            }

            if (progress is not null && ((i & 4095) == 4095 || i == bars.Count - 1 || (i + 1) % Math.Max(1, bars.Count / 10) == 0))
            {
                progress.Report(i + 1);
            }
        }

        var results = new PaperStrategyResult[runners.Length];
        for (var s = 0; s < runners.Length; s++)
        {
            results[s] = await runners[s].FinishAsync(cancellationToken);
        }

        clock.Stop();
        return new PaperSessionResult(sessionId, bars.Symbol, bars.Interval.Code, bars.TimeAt(0), bars.TimeAt(bars.Count - 1) + bars.Interval.Duration, bars.Count, clock.Elapsed, results);
    }

    /// <summary>
    /// A resumed session is re-run without pacing up to the bar of its last stored journal entry (the catch-up);
    /// -1 for a fresh session.
    /// </summary>
    private static int CatchUpBar(BarSeries bars, PaperStrategyRunner[] runners)
    {
        var last = runners.Select(r => r.CatchUp?.LastStoredTime).Max();
        if (last is not { } t)
        {
            return -1;
        }

        var bar = -1;
        while (bar + 1 < bars.Count && bars.TimeAt(bar + 1) <= t)
        {
            bar++;
        }

        return bar;
    }

    private static string Describe(string strategy, PaperResumeCheck r) => string.Create(
        CultureInfo.InvariantCulture,
        $"resume {strategy}: {r.StoredEntries} stored journal entries re-run and verified, caught up at bar {r.CaughtUpAtBar + 1}; journal vs venue: {(r.Check.Agrees ? "agree" : "DISAGREE: " + string.Join("; ", r.Check.Problems))} (position {r.Check.JournalPosition}, {r.Check.OrdersChecked} orders)");

    private static void Validate(BarSeries bars, IReadOnlyList<PaperStrategy> strategies, PaperOptions options)
    {
        var errors = new List<string>(options.Validate());
        if (bars.Count < 2)
        {
            errors.Add($"the series has {bars.Count} bars; a replay needs at least 2");
        }

        if (strategies.Count == 0)
        {
            errors.Add("no strategy given");
        }

        foreach (var s in strategies)
        {
            if (s.Genes.Count != s.Seed.Genes.Count)
            {
                errors.Add($"strategy {s.Name}: {s.Genes.Count} genes given, '{s.Seed.Id}' has {s.Seed.Genes.Count}");
                continue;
            }

            var genes = s.Genes.ToArray();
            var problems = GeneValidation.Check(s.Seed, genes).Errors;
            if (problems.Count == 0)
            {
                problems = s.Seed.Validate(genes);
            }

            foreach (var e in problems)
            {
                errors.Add($"strategy {s.Name}: {e}");
            }
        }

        if (errors.Count > 0)
        {
            throw new PaperInputException(string.Join("; ", errors));
        }
    }
}
