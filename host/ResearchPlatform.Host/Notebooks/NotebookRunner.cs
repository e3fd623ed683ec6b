using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// Runs a notebook's C# cells in order (papermill semantics): parameters injected after the <c>parameters</c> cell,
/// outputs captured per cell, the first error written as an error output and the run stopped, the executed notebook
/// written in full either way. A cell over its time limit fails the run; .NET cannot abort its thread, so it keeps
/// running until the process exits (<c>rp notebook run</c> exits right after).
/// </summary>
internal sealed class NotebookRunner(Action<string> progress)
{
    public async Task<NotebookRunResult> RunAsync(NotebookRunRequest request, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var doc = NotebookDocument.Load(request.InputPath);
        var warnings = new List<string>();
        InjectParameters(doc, request.Parameters, warnings);
        var stdout = new CellOutputWriter("stdout");
        var stderr = new CellOutputWriter("stderr");
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var session = new NotebookSession(doc.Path);
        var executed = 0;
        NotebookCellFailure? failure = null;
        var timedOut = false;
        var oldDirectory = Environment.CurrentDirectory;
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Environment.CurrentDirectory = Path.GetDirectoryName(doc.Path)!;  // like Jupyter and Polyglot: cells run in the notebook's folder
        try
        {
            await Task.Run(() => session.WarmUpAsync(ct), ct);
            for (var i = 0; i < doc.Cells.Count && failure is null; i++)
            {
                var cell = (JsonObject)doc.Cells[i]!;
                if (cell["cell_type"]!.GetValue<string>() != "code")
                {
                    continue;
                }

                ClearOutputs(cell);
                if (!IsCSharp(cell, i, warnings))
                {
                    continue;
                }

                executed++;
                progress($"{Path.GetFileName(doc.Path)}: cells[{i}] ...");
                (failure, timedOut) = await RunCellAsync(session, cell, i, executed, request.CellTimeout, stdout, stderr, ct);
            }
        }
        finally
        {
            Environment.CurrentDirectory = oldDirectory;
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }

        ClearRemaining(doc, failure);
        doc.Root["metadata"]!["rp_notebook_run"] = new JsonObject
        {
            ["parameters"] = new JsonObject(request.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["succeeded"] = failure is null,
        };
        doc.Save(request.OutputPath);
        return new NotebookRunResult(doc.Path, Path.GetFullPath(request.OutputPath), failure is null, executed, failure, sw.Elapsed, warnings, timedOut);
    }

    private static async Task<(NotebookCellFailure? Failure, bool TimedOut)> RunCellAsync(
        NotebookSession session, JsonObject cell, int index, int executionCount, TimeSpan timeout,
        CellOutputWriter stdout, CellOutputWriter stderr, CancellationToken ct)
    {
        var outputs = new CellOutputs();
        var id = cell["id"]!.GetValue<string>();
        var code = NotebookDocument.SourceOf(cell);
        stdout.Target = stderr.Target = session.Globals.Current = outputs;
        var sw = Stopwatch.StartNew();
        NotebookCellFailure? failure = null;
        var timedOut = false;
        try
        {
            var run = Task.Factory.StartNew(() => session.ExecuteAsync(code, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (await Task.WhenAny(run, Task.Delay(timeout, cts.Token)) != run)
            {
                timedOut = !ct.IsCancellationRequested;
                ct.ThrowIfCancellationRequested();
                var message = $"the cell ran longer than its limit of {Seconds(timeout)} (--timeout-per-cell); its thread cannot be aborted and ends with the process";
                failure = Fail(outputs, index, id, "CellTimeout", message, [message]);
            }
            else
            {
                await cts.CancelAsync();
                var (value, error) = await run;
                failure = error is not null
                    ? Fail(outputs, index, id, Unwrap(error).GetType().Name, Unwrap(error).Message, Unwrap(error).ToString().Split('\n'))
                    : Result(outputs, value, executionCount);
            }
        }
        catch (CompilationErrorException ex)
        {
            var message = session.Describe(ex);
            failure = Fail(outputs, index, id, "CompilationError", message, message.Split('\n'));
        }
        finally
        {
            stdout.Target = stderr.Target = session.Globals.Current = null;
        }

        cell["execution_count"] = executionCount;
        cell["outputs"] = outputs.Complete();
        cell["metadata"]!["rp_duration_ms"] = Math.Round(sw.Elapsed.TotalMilliseconds);
        return (failure, timedOut);
    }

    private static NotebookCellFailure? Result(CellOutputs outputs, object? value, int executionCount)
    {
        if (value is not null)
        {
            outputs.Result(MimeRenderer.Render(value), executionCount);
        }

        return null;
    }

    private static NotebookCellFailure Fail(CellOutputs outputs, int index, string id, string name, string message, IEnumerable<string> traceback)
    {
        outputs.Error(name, message, traceback.Select(t => t.TrimEnd('\r')));
        return new NotebookCellFailure(index, id, name, message);
    }

    private static Exception Unwrap(Exception ex) => ex switch
    {
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } agg => Unwrap(agg.InnerExceptions[0]),
        _ => ex,
    };

    private static bool IsCSharp(JsonObject cell, int index, List<string> warnings)
    {
        var kernel = NotebookDocument.KernelOf(cell);
        if (kernel is "csharp" or "C#" or "c#")
        {
            return true;
        }

        warnings.Add($"cells[{index}]: kernel '{kernel}' is not C#; skipped");
        return false;
    }

    private static void ClearOutputs(JsonObject cell)
    {
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
        cell["metadata"]!.AsObject().Remove("rp_duration_ms");
    }

    private static void ClearRemaining(NotebookDocument doc, NotebookCellFailure? failure)
    {
        if (failure is null)
        {
            return;
        }

        for (var i = failure.CellIndex + 1; i < doc.Cells.Count; i++)
        {
            if (doc.Cells[i] is JsonObject cell && cell["cell_type"]!.GetValue<string>() == "code")
            {
                ClearOutputs(cell);
            }
        }
    }

    private static void InjectParameters(NotebookDocument doc, IReadOnlyDictionary<string, string> values, List<string> warnings)
    {
        if (values.Count == 0)
        {
            return;
        }

        var cells = doc.Cells.OfType<JsonObject>().ToList();
        var index = cells.FindIndex(c => c["cell_type"]!.GetValue<string>() == "code" && NotebookDocument.TagsOf(c).Contains("parameters"));
        if (index < 0)
        {
            warnings.Add("the notebook has no cell tagged 'parameters'; the parameters are injected as the first cell");
        }

        var declared = index < 0 ? new Dictionary<string, string>() : NotebookParameters.Declared(NotebookDocument.SourceOf(cells[index]));
        var code = NotebookParameters.BuildInjectedCell(values, declared, warnings);
        doc.Cells.Insert(index + 1, NotebookDocument.NewCodeCell(code, doc.FreshId("injected-parameters"), "injected-parameters"));
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
