using System.Text.Json;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Service;

/// <summary>JSON of the HTTP API: the CLI's snake_case options, not indented.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(CliOutput.Json) { WriteIndented = false };
}
