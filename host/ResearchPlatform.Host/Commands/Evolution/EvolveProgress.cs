using ResearchPlatform.Engine.Evolution;
using Spectre.Console;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// Shows evolution progress on stderr: a Spectre progress bar (generation, best/mean fitness, diversity, steps/s) when
/// stderr is a terminal, one plain line per generation otherwise. stdout stays free for the result (one JSON document
/// with --json).
/// </summary>
internal static class EvolveProgress
{
    /// <summary>Runs <paramref name="body"/> with an observer that reports each generation.</summary>
    public static async Task<T> RunAsync<T>(string title, int generations, int firstGeneration, Func<IEvolutionObserver, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Console.IsErrorRedirected)
        {
            return await body(new LineObserver(generations, Console.Error));
        }

        // stderr is a terminal: say so, or Spectre (which judges interactivity and colours by stdout) falls back to a
        // renderer that shows nothing while stdout is redirected, e.g. rp evolve --json > run.json
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: generations);
                task.Value = firstGeneration;
                return await body(new BarObserver(task, generations));
            });
    }

    private sealed class LineObserver(int generations, TextWriter err) : IEvolutionObserver
    {
        public ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
        {
            err.WriteLine(GenerationLine.Format(snapshot.Stats, generations));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class BarObserver(ProgressTask task, int generations) : IEvolutionObserver
    {
        public ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
        {
            task.Value = snapshot.Generation + 1;
            task.Description = Markup.Escape(GenerationLine.Compact(snapshot.Stats, generations));
            return ValueTask.CompletedTask;
        }
    }
}
