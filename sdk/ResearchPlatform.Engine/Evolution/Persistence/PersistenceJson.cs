using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>JSON written to and read from the evolution tables: snake_case, enums as strings, doubles round-trip exactly.</summary>
internal static class PersistenceJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serialises <paramref name="value"/>.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserialises a non-null <typeparamref name="T"/>, naming <paramref name="what"/> when it is not.</summary>
    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what}: empty JSON");
}
