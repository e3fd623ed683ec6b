using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// Evaluates risk genomes for a fixed set of strategies: for each window of the plan, every strategy runs as a
/// risk-aware backtest (<see cref="RiskBacktest"/>'s bar loop, one risk manager per strategy sleeve with the genome) and
/// the window's metrics are those of the equal-weight portfolio of the sleeves (<see cref="PortfolioMetrics"/>). The
/// strategies' targets are computed once, up front. Individuals run in parallel (up to the plan's threads); results go
/// back by index and do not depend on the thread count.
/// </summary>
internal sealed class RiskGenomeEvaluator : IFitnessEvaluator
{
    private readonly BarSeries _bars;
    private readonly RiskGenomeSeedAdapter _genome;
    private readonly KernelSpec _spec;
    private readonly double _cash;
    private readonly double[][] _targets;
    private readonly double _barsPerYear;
    private readonly IReadOnlyList<MarketState>? _market;

    /// <exception cref="BacktestInputException">Invalid options or strategy genes, or stop options.</exception>
    public RiskGenomeEvaluator(BarSeries bars, IRiskGenomeDefinition definition, IReadOnlyList<RiskStrategy> strategies, BacktestOptions options, CancellationToken ct = default)
        : this(bars, definition, strategies, options, null, ct)
    {
    }

    /// <summary>
    /// With <paramref name="market"/>: the market state at each bar's close (volatility percentile, lagged Fear &amp; Greed,
    /// regime) for the volatility and sentiment breakers; null = unknown (those breakers stay idle).
    /// </summary>
    /// <exception cref="BacktestInputException">Invalid options or strategy genes, stop options, or market states of another length.</exception>
    public RiskGenomeEvaluator(BarSeries bars, IRiskGenomeDefinition definition, IReadOnlyList<RiskStrategy> strategies, BacktestOptions options,
        IReadOnlyList<MarketState>? market, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(options);
        if (strategies.Count == 0)
        {
            throw new BacktestInputException("at least one strategy is required");
        }

        if (options.StopLossPct > 0 || options.TakeProfitPct > 0 || options.TrailingStopPct > 0)
        {
            throw new BacktestInputException("stop-loss, take-profit and trailing-stop options are not supported with a risk genome");
        }

        if (market is not null && market.Count != bars.Count)
        {
            throw new BacktestInputException($"market states: {market.Count} for {bars.Count} bars");
        }

        _market = market;
        _bars = bars;
        _genome = new RiskGenomeSeedAdapter(definition);
        _spec = new KernelSpec(options, bars.Open, bars.High, bars.Low, bars.Close);
        _cash = options.InitialCash;
        _barsPerYear = Annualization.BarsPerYear(bars);
        _targets = new double[strategies.Count][];
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            var genes = s.Genes.ToArray();
            BacktestInputs.Validate(bars, s.Seed, genes, 1, options, [BarRange.All(bars.Count)]);
            _targets[i] = RiskBacktest.Targets(s.Seed.CreateGenerator(bars, genes, 1), bars.Count, ct);
        }
    }

    /// <summary>The adapter the GA sees (seed type id <c>risk:&lt;definition id&gt;</c>).</summary>
    public RiskGenomeSeedAdapter Genome => _genome;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new IndividualEvaluation[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Threads), CancellationToken = ct };
        Parallel.For(0, batch.Count, parallel, i => results[i] = EvaluateOne(batch[i], plan, ct));
        return ValueTask.FromResult<IReadOnlyList<IndividualEvaluation>>(results);
    }

    /// <summary>The metrics of one risk gene vector on each window of <paramref name="plan"/>, or why it failed.</summary>
    public IndividualEvaluation EvaluateOne(Individual individual, EvaluationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(individual);
        ArgumentNullException.ThrowIfNull(plan);
        if (individual.SeedTypeId != _genome.Id)
        {
            return IndividualEvaluation.Failed($"expected a '{_genome.Id}' genome, got '{individual.SeedTypeId}'");
        }

        var genes = individual.Genes;
        if (genes.Length != _genome.Genes.Count)
        {
            return IndividualEvaluation.Failed($"expected {_genome.Genes.Count} genes, got {genes.Length}");
        }

        var problems = _genome.Validate(genes.AsSpan());
        if (problems.Count > 0)
        {
            return IndividualEvaluation.Failed(string.Join("; ", problems));
        }

        var genome = RiskGenome.FromGenes(_genome.Genes, genes.AsSpan());
        var metrics = new WindowMetrics[plan.Windows.Count];
        for (var w = 0; w < metrics.Length; w++)
        {
            metrics[w] = Window(genome, new BarRange(plan.Windows[w].Bars.Start, plan.Windows[w].Bars.End), ct);
        }

        return IndividualEvaluation.Ok(metrics);
    }

    /// <summary>
    /// Runs every strategy under <paramref name="genome"/> over all bars with the market states, raising the risk
    /// managers' alerts through <paramref name="alerts"/>; returns each strategy's risk events (index, event), in order.
    /// </summary>
    public IReadOnlyList<(int Strategy, RiskBacktestEvent Event)> ReplayEvents(RiskGenome genome, IAlertPublisher? alerts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(genome);
        var events = new List<(int, RiskBacktestEvent)>();
        for (var s = 0; s < _targets.Length; s++)
        {
            var overlay = new RiskOverlay(_bars, _spec, genome, BarRange.All(_bars.Count), _market, alerts);
            overlay.Run(_targets[s], ct);
            events.AddRange(overlay.Result().Events.Select(e => (s, e)));
        }

        return events;
    }

    private WindowMetrics Window(RiskGenome genome, BarRange range, CancellationToken ct)
    {
        var sleeves = new IReadOnlyList<double>[_targets.Length];
        var trades = 0;
        for (var s = 0; s < _targets.Length; s++)
        {
            var overlay = new RiskOverlay(_bars, _spec, genome, range, _market);
            overlay.Run(_targets[s], ct);
            var result = overlay.Result().Backtest;
            sleeves[s] = result.Equity;
            trades += result.Metrics.Trades;
        }

        return PortfolioMetrics.Combine(sleeves, _cash, trades, _barsPerYear);
    }
}
