using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Notebooks;

namespace ResearchPlatform.Host.Commands.Notebook;

/// <summary>
/// <c>rp notebook run FILE.ipynb [--output OUT.ipynb] [--param name=value]... [--timeout-per-cell 120s] [--json]</c> and
/// <c>rp notebook run --all [--dir notebooks] [--output DIR]</c>: executes Polyglot (C#) notebooks headlessly.
/// </summary>
internal static class NotebookCommand
{
    public static Command Create(CommonOptions common) => new("notebook", "Run C# (Polyglot / .NET Interactive) notebooks headlessly")
    {
        CreateRun(common),
    };

    private static Command CreateRun(CommonOptions common)
    {
        var file = new Argument<string?>("file") { Description = "The notebook (.ipynb) to run", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Run every *.ipynb of --dir (outputs *.out.ipynb are skipped), in name order" };
        var dir = new Option<string>("--dir") { Description = "Folder of the notebooks for --all", DefaultValueFactory = _ => "notebooks" };
        var output = new Option<string?>("--output") { Description = "Executed notebook to write (with --all: a folder); default <workspace>/notebooks/<name>.out.ipynb" };
        var param = new Option<string[]>("--param") { Description = "name=value for the cell tagged 'parameters' (repeatable)", AllowMultipleArgumentsPerToken = false };
        var timeout = new Option<string>("--timeout-per-cell") { Description = "Time limit per cell, e.g. 120s, 5m, 500ms", DefaultValueFactory = _ => "120s" };
        var json = CommonOptions.JsonOption();
        var run = new Command("run", "Run a notebook's C# cells in order and write the executed notebook (exit 1 naming the failing cell)")
        {
            file, all, dir, output, param, timeout, json,
        };
        run.SetAction(CommandRunner.Wrap(async (parse, cli, ct) =>
        {
            var inputs = Inputs(parse.GetValue(file), parse.GetValue(all), parse.GetValue(dir)!);
            var parameters = Map(() => NotebookParameters.Parse(parse.GetValue(param) ?? []));
            var limit = ParseDuration(parse.GetValue(timeout)!);
            var workspace = Workspace.Resolve(parse.GetValue(common.Workspace));
            var runner = new NotebookRunner(cli.Info);
            var results = new List<NotebookRunResult>();
            foreach (var input in inputs)
            {
                var target = OutputFor(input, parse.GetValue(output), parse.GetValue(all), workspace);
                var result = await MapAsync(() => runner.RunAsync(new NotebookRunRequest(input, target, parameters, limit), ct));
                results.Add(result);
                Report(cli, result);
                if (result.TimedOut)
                {
                    cli.Error("stopping: a timed-out cell is still running in this process");
                    break;
                }
            }

            Write(cli, results, inputs.Count, parse.GetValue(json));
            return results.Count == inputs.Count && results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return run;
    }

    private static List<string> Inputs(string? file, bool all, string dir)
    {
        if (all == (file is not null))
        {
            throw new BadInputException("give either a notebook FILE or --all");
        }

        if (!all)
        {
            return File.Exists(file) ? [Path.GetFullPath(file!)] : throw new BadInputException($"{file}: notebook not found");
        }

        if (!Directory.Exists(dir))
        {
            throw new BadInputException($"--dir {dir}: folder not found");
        }

        var found = Directory.GetFiles(dir, "*.ipynb")
            .Where(f => !f.EndsWith(".out.ipynb", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count > 0 ? found : throw new BadInputException($"--dir {dir}: no .ipynb notebooks");
    }

    private static string OutputFor(string input, string? output, bool all, Workspace workspace)
    {
        var name = Path.GetFileNameWithoutExtension(input) + ".out.ipynb";
        return output is null ? Path.Combine(workspace.Root, "notebooks", name)
            : all ? Path.Combine(output, name)
            : output;
    }

    /// <summary>Parses 120s, 5m, 500ms, 1h or a plain number of seconds.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim();
        var (number, unit) = t.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : t.EndsWith('h') ? (t[..^1], 3600.0)
            : (t, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v)
            ? TimeSpan.FromSeconds(v * unit)
            : throw new BadInputException($"--timeout-per-cell {text}: expected a positive duration such as 120s, 5m or 500ms");
    }

    private static T Map<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (NotebookFormatException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }

    private static async Task<T> MapAsync<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (NotebookFormatException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }

    private static void Report(CliOutput cli, NotebookRunResult r)
    {
        foreach (var w in r.Warnings)
        {
            cli.Warn($"{Path.GetFileName(r.Input)}: {w}");
        }

        if (r.Failure is { } f)
        {
            cli.Error(f.Describe(r.Input));
        }

        cli.Info($"{Path.GetFileName(r.Input)}: {(r.Succeeded ? "ok" : "FAILED")}, {r.CellsRun} cells in {r.Elapsed.TotalSeconds:F1} s -> {r.Output}");
    }

    private static void Write(CliOutput cli, List<NotebookRunResult> results, int total, bool json)
    {
        var rows = results.Select(r => new NotebookRunJson(
            r.Input, r.Output, r.Succeeded, r.CellsRun, (long)r.Elapsed.TotalMilliseconds,
            r.Failure is { } f ? new NotebookFailureJson(f.CellIndex, f.CellId, f.ErrorName, f.Message) : null,
            r.Warnings)).ToList();
        if (json)
        {
            cli.WriteJson(new { succeeded = rows.Count == total && rows.All(r => r.Succeeded), not_run = total - rows.Count, notebooks = rows });
            return;
        }

        cli.Table(
            ["notebook", "status", "cells", "seconds", "output"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                Path.GetFileName(r.Input),
                r.Succeeded ? "ok" : $"failed at cells[{r.Failure!.CellIndex}]",
                r.CellsRun.ToString(CultureInfo.InvariantCulture),
                (r.ElapsedMs / 1000.0).ToString("F1", CultureInfo.InvariantCulture),
                r.Output,
            ]),
            "notebooks");
    }

    private sealed record NotebookRunJson(
        string Input, string Output, bool Succeeded, int CellsRun, long ElapsedMs, NotebookFailureJson? Failure, IReadOnlyList<string> Warnings);

    private sealed record NotebookFailureJson(int CellIndex, string CellId, string ErrorName, string Message);
}
