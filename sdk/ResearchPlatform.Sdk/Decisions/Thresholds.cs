using System.Collections.Frozen;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>
/// Read-only named parameters of the rules (from <c>rules/thresholds.json</c>). <see cref="Get"/> names a missing
/// threshold in its error, so a typo in a rule fails with a clear message (and a fallback decision).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ThresholdsJsonConverter))]
public sealed class Thresholds
{
    private readonly FrozenDictionary<string, double> _values;

    /// <summary>Creates a set from name/value pairs (names are case-sensitive snake_case).</summary>
    public Thresholds(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An empty set.</summary>
    public static Thresholds Empty { get; } = new([]);

    /// <summary>All names and values.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>The value of <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public double Get(string name) =>
        _values.TryGetValue(name, out var v)
            ? v
            : throw new KeyNotFoundException($"threshold '{name}' is not defined (add it to rules/thresholds.json)");

    /// <summary>The value of <paramref name="name"/> or <paramref name="fallback"/> when absent.</summary>
    public double GetOrDefault(string name, double fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>Whether <paramref name="name"/> is defined.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);
}
