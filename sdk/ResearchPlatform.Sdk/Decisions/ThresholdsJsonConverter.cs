using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Reads and writes <see cref="Thresholds"/> as a flat JSON object of name -&gt; number.</summary>
public sealed class ThresholdsJsonConverter : JsonConverter<Thresholds>
{
    /// <inheritdoc />
    public override Thresholds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, double>>(ref reader, options) ?? [];
        return new Thresholds(map);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Thresholds value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (k, v) in value.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(k, v);
        }

        writer.WriteEndObject();
    }
}
