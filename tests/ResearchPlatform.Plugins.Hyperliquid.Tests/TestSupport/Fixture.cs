using System.Text.Json.Nodes;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;

/// <summary>Reads a recorded response body from the Fixtures folder copied next to the test assembly.</summary>
internal static class Fixture
{
    public static JsonNode Json(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")))!;

    public static IReadOnlyList<JsonNode> Lines(string name) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".jsonl")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)];
}
