using System.Text.Json.Nodes;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>Everything needed to re-create a run's problem and options on resume (stored as <c>evolution_runs.config</c>).</summary>
/// <param name="Evolution">GA options, including the seed.</param>
/// <param name="WalkForward">Fold layout.</param>
/// <param name="Backtest">Backtest and cost options.</param>
internal sealed record EvolutionRunConfig(EvolutionOptions Evolution, WalkForwardOptions WalkForward, BacktestOptions Backtest)
{
    /// <summary>
    /// Options added after runs were first stored, with the value that reproduces how those older runs evolved: a run
    /// stored without them resumes without niching and with a fitness-only hall of fame, exactly as it started.
    /// </summary>
    private static readonly (string Name, Func<JsonNode> Legacy)[] LegacyDefaults =
    [
        ("niching", () => JsonValue.Create("none")),
        ("hall_of_fame_per_type", () => JsonValue.Create(0)),
    ];

    /// <summary>Reads a stored config; options missing from it take their legacy values (see <see cref="LegacyDefaults"/>).</summary>
    public static EvolutionRunConfig Read(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonNode.Parse(json) is JsonObject { } root && root["evolution"] is JsonObject evolution)
        {
            foreach (var (name, legacy) in LegacyDefaults)
            {
                if (!evolution.ContainsKey(name))
                {
                    evolution[name] = legacy();
                }
            }

            json = root.ToJsonString();
        }

        return PersistenceJson.Read<EvolutionRunConfig>(json, what);
    }
}
