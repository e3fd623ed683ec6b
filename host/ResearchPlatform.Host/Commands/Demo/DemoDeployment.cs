using System.Globalization;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Strategies;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// Stages 3 and 5 of the demo: the hall of fame goes to the deployment manager (candidate -> backtested, gated on the
/// out-of-sample Sharpe) and on to paper; after the paper replay the decision engine (the rules of <c>rp decide</c>)
/// takes NEW_STRATEGY_APPROVAL and STRATEGY_POOL_SIZING decisions, which are stored and applied like
/// <c>rp strategies apply</c> does.
/// </summary>
internal static class DemoDeployment
{
    /// <summary>
    /// The rules' thresholds with the demo's explicit overrides: <c>min_paper_trading_days</c> shrinks to the replayed
    /// days when the replay is shorter, and the live pool starts at 0 (the demo never trades live).
    /// </summary>
    public static (Thresholds Thresholds, DeploymentPolicy Policy, IReadOnlyList<DemoOverride> Overrides) Gates(Thresholds rules, int paperDays)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var values = rules.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var overrides = new List<DemoOverride>();
        var minDays = rules.GetOrDefault("min_paper_trading_days", new DeploymentPolicy().MinPaperDays);
        if (paperDays < minDays)
        {
            values["min_paper_trading_days"] = paperDays;
            overrides.Add(new DemoOverride("min_paper_trading_days", minDays, paperDays, $"the demo's accelerated paper replay covers {paperDays} days"));
        }

        var thresholds = new Thresholds(values);
        var policy = DeploymentPolicy.From(thresholds);
        overrides.Add(new DemoOverride("default_pool_size", policy.DefaultPoolSize, 0, "the demo does not trade live: approved strategies stay approved"));
        return (thresholds, policy with { DefaultPoolSize = 0 }, overrides);
    }

    /// <summary>Stage 3: the top hall-of-fame entries become candidates, are gated on their backtest and start paper trading.</summary>
    public static IReadOnlyList<DeployedStrategy> Admit(ResearchDatabase db, StrategyDeploymentManager manager, string runId, int top, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(output);
        var admitted = new List<DeployedStrategy>();
        foreach (var s in HallOfFameCandidates.Add(db, manager, runId, top).DistinctBy(s => s.Id))
        {
            if (s.Stage == DeploymentStage.Backtested)
            {
                manager.StartPaper(s.Id, "demo: accelerated paper replay of the hold-out window");
            }

            var now = manager.Get(s.Id);
            output.Info(string.Create(CultureInfo.InvariantCulture,
                $"  {now.Id,-26} {DeploymentStore.Name(now.Stage),-10} backtest Sharpe {now.Backtest?.Sharpe ?? double.NaN,6:0.00} (gate {manager.Policy.MinBacktestSharpe:0.00})"));
            admitted.Add(now);
        }

        return admitted;
    }

    /// <summary>Stage 5: approval and pool-sizing decisions through the rules, stored and applied.</summary>
    public static IReadOnlyList<DemoDecision> Decide(
        ResearchDatabase db, string rulesFolder, Thresholds thresholds, StrategyDeploymentManager manager, double capital, IAlertPublisher alerts, CliOutput output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(output);
        var types = new[] { DecisionType.NewStrategyApproval, DecisionType.StrategyPoolSizing };
        using var set = new RuleSet(rulesFolder);
        var loaded = types.Select(t => set.ReloadFile(Path.Combine(rulesFolder, RuleFiles.FileName(t)), ct))
            .Prepend(set.ReloadFile(Path.Combine(rulesFolder, RuleFiles.ThresholdsFileName), ct));
        foreach (var e in loaded.Where(e => !e.Succeeded))
        {
            output.Warn($"{e.File}: {string.Join("; ", e.Errors)}");
        }

        var engine = new DecisionEngine(set) { Alerts = alerts };
        var store = new DecisionStore(db);
        var decisions = new List<DemoDecision>();
        foreach (var type in types)
        {
            var now = TimeProvider.System.GetUtcNow();
            var context = new DecisionContext { Capital = capital, Strategies = manager.Snapshots(), Thresholds = thresholds, AsOf = now, RecentDecisions = store.Recent(now) };
            var record = engine.Decide(type, context, ct);
            store.Save(record);
            var outcome = manager.ApplyDecision(record.Id, record.Result, record.Executed);
            var changes = outcome.Transitions.Select(t => $"{t.StrategyId}: {DeploymentStore.Name(t.From)} -> {DeploymentStore.Name(t.To)} ({t.Reason})")
                .Concat(outcome.Skipped.Select(s => "not applied: " + s)).ToList();
            var name = RuleFiles.SnakeName(type).ToUpperInvariant();
            var routing = DecisionStore.InitialStatus(record.Routing);
            decisions.Add(new DemoDecision(record.Id, name, record.Result.Value.Summary(), record.Result.Confidence, routing, record.Result.Reasoning, changes));
            output.Info(string.Create(CultureInfo.InvariantCulture, $"  {name}: {record.Result.Value.Summary()} (confidence {record.Result.Confidence:0.00}, {routing}) [{record.Id}]"));
            foreach (var c in changes)
            {
                output.Info("    " + c);
            }
        }

        return decisions;
    }
}
