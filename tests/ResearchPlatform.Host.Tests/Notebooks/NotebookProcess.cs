using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Host.Tests.Notebooks;

/// <summary>Runs <c>rp notebook ...</c> as a real process (the test output's rp.dll) and locates the repository's notebooks.</summary>
internal static class NotebookProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>The repository's <c>notebooks/</c> folder (the one holding <c>_init.csx</c>), found by walking up from the test output.</summary>
    public static string NotebooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "notebooks");
            if (File.Exists(Path.Combine(candidate, "_init.csx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("no notebooks/_init.csx above " + AppContext.BaseDirectory);
    }

    public static async Task<Result> RunAsync(TimeSpan limit, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rp.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("RP_WORKSPACE");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"rp {string.Join(' ', args)} did not finish in {limit}");
        }

        return new Result(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes a small notebook whose code cells hold the given sources (Polyglot metadata, ids c0, c1, ...).</summary>
    public static string WriteNotebook(string path, params string[] codeCells)
    {
        var cells = new JsonArray { new JsonObject { ["cell_type"] = "markdown", ["id"] = "intro", ["metadata"] = new JsonObject(), ["source"] = "# test" } };
        for (var i = 0; i < codeCells.Length; i++)
        {
            var tags = codeCells[i].StartsWith("//parameters", StringComparison.Ordinal) ? new JsonArray("parameters") : null;
            var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
            if (tags is not null)
            {
                metadata["tags"] = tags;
            }

            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = "c" + i,
                ["metadata"] = metadata,
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
                ["source"] = codeCells[i],
            });
        }

        var nb = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" }, ["custom"] = "kept" },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    /// <summary>Every output object of every code cell.</summary>
    public static IEnumerable<(int Cell, JsonObject Output)> Outputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Select((c, i) => (c, i))
            .Where(x => x.c!["cell_type"]!.GetValue<string>() == "code")
            .SelectMany(x => x.c!["outputs"]!.AsArray().Select(o => (x.i, (JsonObject)o!)));

    /// <summary>True when <c>/usr/bin/python3</c> has Debian's nbformat and nbconvert (scripts/ci-setup.sh installs them).</summary>
    public static bool HasNbformat()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }

        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import nbformat, nbconvert"]) { RedirectStandardError = true, UseShellExecute = false });
        p!.WaitForExit();
        return p.ExitCode == 0;
    }

    /// <summary>Runs Python (nbformat validation, nbconvert) and returns exit code and output.</summary>
    public static async Task<Result> PythonAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
