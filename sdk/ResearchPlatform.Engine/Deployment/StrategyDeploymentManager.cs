using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Deployment;

/// <summary>
/// The persisted life cycle of strategies: candidate -> backtested -> paper -> approved -> live (ramp) -> retired, with
/// rollback from live to paper. Stage changes come from decisions (approval, retirement, pool sizing), from checkpoints
/// (backtest, paper and live performance) or from a human, and each is stored as a transition naming its cause. Illegal
/// requests throw <see cref="DeploymentException"/> naming the strategy and the stages; nothing is half-written.
/// </summary>
public sealed class StrategyDeploymentManager
{
    private const string PoolSizeSetting = "target_pool_size";
    private readonly DeploymentStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the manager over a store with a policy.</summary>
    public StrategyDeploymentManager(DeploymentStore store, DeploymentPolicy policy, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var problem = policy.Validate();
        if (problem is not null)
        {
            throw new DeploymentException("deployment policy: " + problem);
        }

        _store = store;
        Policy = policy;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The gates in force.</summary>
    public DeploymentPolicy Policy { get; }

    /// <summary>The live pool size (from the last STRATEGY_POOL_SIZING decision, else the policy's default).</summary>
    public int TargetPoolSize => (int)_store.Setting(PoolSizeSetting, Policy.DefaultPoolSize);

    /// <summary>The id a strategy gets: seed type plus a hash of seed type and genes, so the same strategy is added once.</summary>
    public static string StrategyId(string seedType, string genesJson)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seedType + "\n" + genesJson));
        return seedType + "-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>All strategies as decision rules see them.</summary>
    public IReadOnlyList<StrategySnapshot> Snapshots() => [.. _store.List().Select(s => s.ToSnapshot())];

    /// <summary>Adds a candidate (idempotent: an existing strategy with the same seed type and genes is returned as is).</summary>
    public DeployedStrategy AddCandidate(string seedType, string pluginVersion, string genesJson, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedType);
        ArgumentException.ThrowIfNullOrWhiteSpace(genesJson);
        var id = StrategyId(seedType, genesJson);
        var existing = _store.Get(id);
        if (existing is not null)
        {
            return existing;
        }

        var now = _time.GetUtcNow();
        var s = new DeployedStrategy(id, seedType, pluginVersion, genesJson, source, DeploymentStage.Candidate, 0, now, null, null, null);
        _store.Insert(s, "added as candidate from " + source, now);
        return s;
    }

    /// <summary>Records a candidate's backtest: it passes to backtested at the policy's Sharpe, else it is retired.</summary>
    public StrategyTransition RecordBacktest(string id, StrategyPerformance backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        var s = Require(id, DeploymentStage.Candidate);
        var pass = backtest.Sharpe >= Policy.MinBacktestSharpe;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"backtest Sharpe {backtest.Sharpe:F2} {(pass ? ">=" : "<")} min_backtest_sharpe {Policy.MinBacktestSharpe:F2}");
        return Move(s with { Backtest = backtest }, pass ? DeploymentStage.Backtested : DeploymentStage.Retired, reason, null, "checkpoint");
    }

    /// <summary>Starts paper trading a backtested strategy.</summary>
    public StrategyTransition StartPaper(string id, string reason = "paper trading started")
    {
        var s = Require(id, DeploymentStage.Backtested);
        return Move(s, DeploymentStage.Paper, reason, null, "system");
    }

    /// <summary>Updates a paper (or approved) strategy's paper performance; no stage change.</summary>
    public DeployedStrategy RecordPaper(string id, StrategyPerformance paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var s = Get(id);
        if (s.Stage is not (DeploymentStage.Paper or DeploymentStage.Approved))
        {
            throw new DeploymentException($"strategy {id} is {DeploymentStore.Name(s.Stage)}; paper performance is recorded for paper or approved strategies");
        }

        var updated = s with { Paper = paper };
        _store.Update(updated, s.Stage, null, null, "system", _time.GetUtcNow());
        return updated;
    }

    /// <summary>
    /// Applies an executed decision: NEW_STRATEGY_APPROVAL approves paper strategies that have paper-traded long enough,
    /// STRATEGY_RETIREMENT retires, STRATEGY_POOL_SIZING sets the live pool size. Then fills or trims the live pool.
    /// A decision still awaiting a human verdict is not applied.
    /// </summary>
    public DeploymentOutcome ApplyDecision(string decisionId, DecisionResult result, bool executed)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!executed)
        {
            return new DeploymentOutcome([], [$"decision {decisionId} awaits a human verdict; not applied"]);
        }

        var transitions = new List<StrategyTransition>();
        var skipped = new List<string>();
        switch (result.Value)
        {
            case ApprovalValue a:
                Approve(decisionId, a, transitions, skipped);
                break;
            case RetirementValue r:
                foreach (var id in r.Retire)
                {
                    TryRetire(id, $"retired by STRATEGY_RETIREMENT ({result.Reasoning})", decisionId, "decision", transitions, skipped);
                }

                break;
            case PoolSizeValue p:
                _store.SetSetting(PoolSizeSetting, Math.Max(0, p.PoolSize));
                break;
            default:
                return new DeploymentOutcome([], [$"decision {decisionId} ({result.Type}) does not change deployments"]);
        }

        transitions.AddRange(BalancePool(decisionId));
        return new DeploymentOutcome(transitions, skipped);
    }

    /// <summary>
    /// A live checkpoint: rolls back to paper when drawdown or Sharpe break the policy, ramps up one step when the
    /// strategy did well and the last ramp is old enough, else records the performance only.
    /// </summary>
    public DeploymentOutcome Checkpoint(string id, StrategyPerformance live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var s = Require(id, DeploymentStage.Live) with { Live = live };
        var now = _time.GetUtcNow();
        if (live.MaxDrawdown > Policy.MaxLiveDrawdown || live.Sharpe < Policy.CheckpointMinSharpe)
        {
            var why = string.Create(CultureInfo.InvariantCulture,
                $"checkpoint failed: drawdown {Pct(live.MaxDrawdown, 1)} (limit {Pct(Policy.MaxLiveDrawdown, 1)}), Sharpe {live.Sharpe:F2} (min {Policy.CheckpointMinSharpe:F2}); rolled back to paper");
            var back = Move(s with { RampStep = 0 }, DeploymentStage.Paper, why, null, "checkpoint");
            return new DeploymentOutcome([back, .. BalancePool(null)], []);
        }

        var daysOnStep = (now - s.StageSince).TotalDays;
        if (s.RampStep < Policy.RampFractions.Count && daysOnStep >= Policy.RampCheckpointDays)
        {
            var step = s.RampStep + 1;
            var why = string.Create(CultureInfo.InvariantCulture,
                $"checkpoint passed after {daysOnStep:F0} days (Sharpe {live.Sharpe:F2}, drawdown {Pct(live.MaxDrawdown, 1)}); ramp {Pct(Policy.RampFractions[s.RampStep - 1], 0)} -> {Pct(Policy.RampFractions[step - 1], 0)}");
            return new DeploymentOutcome([Move(s with { RampStep = step }, DeploymentStage.Live, why, null, "checkpoint")], []);
        }

        _store.Update(s, s.Stage, null, null, "checkpoint", now);
        return DeploymentOutcome.None;
    }

    /// <summary>A human moves a strategy one stage forward (candidate/backtested/paper/approved -> next); the reason is recorded.</summary>
    public StrategyTransition Promote(string id, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var s = Get(id);
        var next = s.Stage switch
        {
            DeploymentStage.Candidate => DeploymentStage.Backtested,
            DeploymentStage.Backtested => DeploymentStage.Paper,
            DeploymentStage.Paper => DeploymentStage.Approved,
            DeploymentStage.Approved => DeploymentStage.Live,
            _ => throw new DeploymentException($"strategy {id} is {DeploymentStore.Name(s.Stage)}; it cannot be promoted"),
        };
        return Move(next == DeploymentStage.Live ? s with { RampStep = 1 } : s, next, "promoted by a human: " + reason, null, "human");
    }

    /// <summary>A human retires a strategy (any stage but retired).</summary>
    public StrategyTransition Retire(string id, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var s = Get(id);
        return s.Stage == DeploymentStage.Retired
            ? throw new DeploymentException($"strategy {id} is already retired")
            : Move(s with { RampStep = 0 }, DeploymentStage.Retired, "retired by a human: " + reason, null, "human");
    }

    /// <summary>
    /// Splits <paramref name="capital"/> over the live strategies: equal shares of the exposure the risk manager allows
    /// (<paramref name="maxTotalExposure"/>), each capped at <paramref name="maxPerStrategy"/>, times the ramp fraction.
    /// </summary>
    public IReadOnlyList<StrategyAllocation> Allocate(double capital, double maxTotalExposure, double maxPerStrategy)
    {
        if (!(capital >= 0) || !(maxTotalExposure is >= 0 and <= 1) || !(maxPerStrategy is >= 0 and <= 1))
        {
            throw new DeploymentException("allocation: capital must be >= 0 and the exposure limits in [0, 1]");
        }

        var live = _store.List(DeploymentStage.Live);
        if (live.Count == 0)
        {
            return [];
        }

        var share = Math.Min(maxTotalExposure / live.Count, maxPerStrategy);
        return [.. live.Select(s =>
        {
            var ramp = Policy.RampFractions[Math.Clamp(s.RampStep, 1, Policy.RampFractions.Count) - 1];
            return new StrategyAllocation(s.Id, s.RampStep, ramp, capital * share * ramp, share * ramp);
        })];
    }

    /// <summary>One strategy; throws naming the id when unknown.</summary>
    public DeployedStrategy Get(string id) =>
        _store.Get(id) ?? throw new DeploymentException($"no strategy with id '{id}'");

    private void Approve(string decisionId, ApprovalValue a, List<StrategyTransition> transitions, List<string> skipped)
    {
        foreach (var id in a.Approved)
        {
            var s = _store.Get(id);
            var days = s?.Paper?.Days ?? 0;
            if (s is null || s.Stage != DeploymentStage.Paper)
            {
                skipped.Add(s is null ? $"{id}: unknown strategy" : $"{id}: is {DeploymentStore.Name(s.Stage)}, only paper strategies are approved");
            }
            else if (days < Policy.MinPaperDays)
            {
                skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{id}: {days} paper days < min_paper_trading_days {Policy.MinPaperDays}"));
            }
            else
            {
                transitions.Add(Move(s, DeploymentStage.Approved, $"approved by NEW_STRATEGY_APPROVAL after {days} paper days", decisionId, "decision"));
            }
        }

        foreach (var id in a.Rejected)
        {
            skipped.Add($"{id}: rejected by NEW_STRATEGY_APPROVAL; stays where it is");
        }
    }

    private void TryRetire(string id, string reason, string? decisionId, string actor, List<StrategyTransition> transitions, List<string> skipped)
    {
        var s = _store.Get(id);
        if (s is null || s.Stage == DeploymentStage.Retired)
        {
            skipped.Add(s is null ? $"{id}: unknown strategy" : $"{id}: already retired");
            return;
        }

        transitions.Add(Move(s with { RampStep = 0 }, DeploymentStage.Retired, reason, decisionId, actor));
    }

    /// <summary>Promotes approved strategies (best paper Sharpe first) into free live slots; rolls the worst live back when over.</summary>
    private List<StrategyTransition> BalancePool(string? decisionId)
    {
        var made = new List<StrategyTransition>();
        var target = TargetPoolSize;
        var live = _store.List(DeploymentStage.Live);
        var actor = decisionId is null ? "system" : "decision";
        foreach (var s in live.OrderBy(s => s.Live?.Sharpe ?? s.Paper?.Sharpe ?? 0).Take(Math.Max(0, live.Count - target)))
        {
            made.Add(Move(s with { RampStep = 0 }, DeploymentStage.Paper,
                $"live pool over its size {target}: lowest Sharpe rolled back to paper", decisionId, actor));
        }

        var free = target - Math.Min(live.Count, target);
        foreach (var s in _store.List(DeploymentStage.Approved).OrderByDescending(s => s.Paper?.Sharpe ?? 0).Take(Math.Max(0, free)))
        {
            var ramp = Policy.RampFractions[0];
            made.Add(Move(s with { RampStep = 1 }, DeploymentStage.Live,
                string.Create(CultureInfo.InvariantCulture, $"went live at ramp {Pct(ramp, 0)} (pool size {target})"), decisionId, actor));
        }

        return made;
    }

    private static string Pct(double fraction, int decimals) =>
        (fraction * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    private DeployedStrategy Require(string id, DeploymentStage stage)
    {
        var s = Get(id);
        return s.Stage == stage
            ? s
            : throw new DeploymentException($"strategy {id} is {DeploymentStore.Name(s.Stage)}, expected {DeploymentStore.Name(stage)}");
    }

    /// <summary>Stores <paramref name="s"/> (read from the store, stage unchanged) in stage <paramref name="to"/> with its transition.</summary>
    private StrategyTransition Move(DeployedStrategy s, DeploymentStage to, string reason, string? decisionId, string actor)
    {
        var now = _time.GetUtcNow();
        return _store.Update(s with { Stage = to, StageSince = now }, s.Stage, reason, decisionId, actor, now)!;
    }
}
