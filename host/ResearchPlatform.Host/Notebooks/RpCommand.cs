using System.Text.Json.Nodes;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>Runs <c>rp</c> commands inside the notebook's process (the CLI's own code, same plugins), for notebooks.</summary>
public static class RpCommand
{
    /// <summary>
    /// Runs an <c>rp</c> command in this process (the same code as the CLI) and returns its stdout: the parsed document
    /// when it printed JSON (pass <c>--json</c>), else the text. A non-zero exit throws with the command's stderr.
    /// Close your own connections to a workspace before a command writes to it (DuckDB has one writer).
    /// </summary>
    public static JsonNode? Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="Run"/>.</summary>
    public static async Task<JsonNode?> RunAsync(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code;
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            code = await CliApp.RunAsync(args, CancellationToken.None);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }

        if (code != ExitCodes.Ok)
        {
            var err = stderr.ToString().Trim().Split('\n').TakeLast(8);
            throw new InvalidOperationException($"rp {string.Join(' ', args)} exited with {code}:\n{string.Join('\n', err)}");
        }

        var text = stdout.ToString().Trim();
        return text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : JsonValue.Create(text);
    }
}
