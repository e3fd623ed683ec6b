namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>How much work the demo does: GA size, walk-forward folds, hall-of-fame entries fed to deployment.</summary>
/// <param name="Name">quick or full.</param>
/// <param name="Population">Individuals per generation.</param>
/// <param name="Generations">Generations including the initial one.</param>
/// <param name="Folds">Walk-forward folds.</param>
/// <param name="Top">Hall-of-fame entries turned into candidates.</param>
internal sealed record DemoSize(string Name, int Population, int Generations, int Folds, int Top)
{
    /// <summary>Share of the bars kept as hold-out: never seen by the GA, replayed as paper trading.</summary>
    public const double Holdout = 0.2;

    /// <summary>The preset <paramref name="name"/> with the optional overrides.</summary>
    public static DemoSize Of(string name, int? population, int? generations)
    {
        var preset = name == "quick" ? new DemoSize("quick", 24, 4, 3, 4) : new DemoSize("full", 200, 20, 4, 8);
        return preset with { Population = population ?? preset.Population, Generations = generations ?? preset.Generations };
    }
}
