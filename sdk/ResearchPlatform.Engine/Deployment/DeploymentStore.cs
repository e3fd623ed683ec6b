using System.Data.Common;
using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Deployment;

/// <summary>
/// The deployment tables of the workspace database. A strategy row and the transition that changed it are written in
/// one transaction, so the history never disagrees with the current stage. Not thread-safe (one connection).
/// </summary>
public sealed class DeploymentStore(ResearchDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string Columns = "strategy_id, seed_type, plugin_version, genes, source, stage, ramp_step, stage_since, backtest, paper, live";

    /// <summary>One strategy, or null.</summary>
    public DeployedStrategy? Get(string id) =>
        Query($"SELECT {Columns} FROM strategies WHERE strategy_id = $id", ("id", id)).FirstOrDefault();

    /// <summary>All strategies (optionally of one stage), oldest first.</summary>
    public IReadOnlyList<DeployedStrategy> List(DeploymentStage? stage = null) => stage is null
        ? Query($"SELECT {Columns} FROM strategies ORDER BY created_at, strategy_id")
        : Query($"SELECT {Columns} FROM strategies WHERE stage = $s ORDER BY created_at, strategy_id", ("s", Name(stage.Value)));

    /// <summary>Transitions, oldest first, of one strategy or of all.</summary>
    public IReadOnlyList<StrategyTransition> Transitions(string? strategyId = null, int limit = 1000)
    {
        var where = strategyId is null ? string.Empty : "WHERE strategy_id = $id";
        using var cmd = database.Connection.Prepare(
            $"SELECT seq, strategy_id, from_stage, to_stage, ramp_step, changed_at, reason, decision_id, actor FROM strategy_transitions {where} ORDER BY seq LIMIT $n",
            ("id", strategyId), ("n", limit));
        using var rd = cmd.ExecuteReader();
        var list = new List<StrategyTransition>();
        while (rd.Read())
        {
            list.Add(new StrategyTransition(
                rd.GetInt64(0), rd.GetString(1), Parse(rd.GetString(2)), Parse(rd.GetString(3)), rd.GetInt32(4), Utc(rd.GetDateTime(5)),
                rd.GetString(6), rd.IsDBNull(7) ? null : rd.GetString(7), rd.GetString(8)));
        }

        return list;
    }

    /// <summary>Inserts a new strategy with its creation transition, atomically.</summary>
    public StrategyTransition Insert(DeployedStrategy strategy, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        using var tx = database.Connection.BeginTransaction();
        database.Connection.Execute(
            $"INSERT INTO strategies ({Columns}, created_at) VALUES ($id, $seed, $ver, $genes, $src, $stage, $ramp, $since, $bt, $paper, $live, $at)",
            [.. Parameters(strategy), ("at", at.UtcDateTime)]);
        var t = AppendTransition(strategy.Id, strategy.Stage, strategy.Stage, strategy.RampStep, at, reason, null, "system");
        tx.Commit();
        return t;
    }

    /// <summary>Updates a strategy and appends the transition that changed it (when given), atomically.</summary>
    public StrategyTransition? Update(DeployedStrategy strategy, DeploymentStage from, string? reason, string? decisionId, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        using var tx = database.Connection.BeginTransaction();
        database.Connection.Execute(
            "UPDATE strategies SET stage = $stage, ramp_step = $ramp, stage_since = $since, backtest = $bt, paper = $paper, live = $live " +
            "WHERE strategy_id = $id",
            [.. Parameters(strategy).Where(p => p.Item1 is not ("seed" or "ver" or "genes" or "src"))]);
        var t = reason is null ? null : AppendTransition(strategy.Id, from, strategy.Stage, strategy.RampStep, at, reason, decisionId, actor);
        tx.Commit();
        return t;
    }

    /// <summary>A stored setting, or <paramref name="fallback"/>.</summary>
    public double Setting(string name, double fallback) =>
        database.Connection.Scalar("SELECT value FROM deployment_settings WHERE name = $n", ("n", name)) is double v ? v : fallback;

    /// <summary>Stores a setting.</summary>
    public void SetSetting(string name, double value) =>
        database.Connection.Execute("INSERT OR REPLACE INTO deployment_settings (name, value) VALUES ($n, $v)", ("n", name), ("v", value));

    /// <summary>The stored name of a stage (snake case).</summary>
    public static string Name(DeploymentStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>Parses a stored or typed stage name (case-insensitive); throws naming the value otherwise.</summary>
    public static DeploymentStage Parse(string name) =>
        Enum.TryParse<DeploymentStage>(name, ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new DeploymentException($"unknown stage '{name}' (expected one of: {string.Join(", ", Enum.GetNames<DeploymentStage>().Select(n => n.ToLowerInvariant()))})");

    private StrategyTransition AppendTransition(string id, DeploymentStage from, DeploymentStage to, int ramp, DateTimeOffset at, string reason, string? decisionId, string actor)
    {
        var seq = Convert.ToInt64(database.Connection.Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM strategy_transitions"), System.Globalization.CultureInfo.InvariantCulture);
        database.Connection.Execute(
            "INSERT INTO strategy_transitions VALUES ($seq, $id, $from, $to, $ramp, $at, $reason, $dec, $actor)",
            ("seq", seq), ("id", id), ("from", Name(from)), ("to", Name(to)), ("ramp", ramp), ("at", at.UtcDateTime),
            ("reason", reason), ("dec", decisionId), ("actor", actor));
        return new StrategyTransition(seq, id, from, to, ramp, at, reason, decisionId, actor);
    }

    private static (string, object?)[] Parameters(DeployedStrategy s) =>
    [
        ("id", s.Id), ("seed", s.SeedType), ("ver", s.PluginVersion), ("genes", s.GenesJson), ("src", s.Source),
        ("stage", Name(s.Stage)), ("ramp", s.RampStep), ("since", s.StageSince.UtcDateTime),
        ("bt", Perf(s.Backtest)), ("paper", Perf(s.Paper)), ("live", Perf(s.Live)),
    ];

    private static string? Perf(StrategyPerformance? p) => p is null ? null : JsonSerializer.Serialize(p, Json);

    private static StrategyPerformance? Perf(DbDataReader rd, int i) =>
        rd.IsDBNull(i) ? null : JsonSerializer.Deserialize<StrategyPerformance>(rd.GetString(i), Json);

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private List<DeployedStrategy> Query(string sql, params (string, object?)[] p)
    {
        using var cmd = database.Connection.Prepare(sql, p);
        using var rd = cmd.ExecuteReader();
        var list = new List<DeployedStrategy>();
        while (rd.Read())
        {
            list.Add(new DeployedStrategy(
                rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.GetString(3), rd.GetString(4), Parse(rd.GetString(5)),
                rd.GetInt32(6), Utc(rd.GetDateTime(7)), Perf(rd, 8), Perf(rd, 9), Perf(rd, 10)));
        }

        return list;
    }
}
