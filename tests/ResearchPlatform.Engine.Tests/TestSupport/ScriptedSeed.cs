using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>A test seed whose single gene "script" picks one of the given target series (bar by bar).</summary>
internal sealed class ScriptedSeed : ISeedType
{
    private readonly double[][] _scripts;

    public ScriptedSeed(params double[][] scripts)
    {
        _scripts = scripts;
        Genes = [new GeneSpec("script", GeneKind.Integer, 0, scripts.Length - 1, 0, "which script")];
    }

    public string Id => "scripted";

    public string Description => "targets given by the test";

    public IReadOnlyList<GeneSpec> Genes { get; }

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) =>
        genes[0] >= 0 && genes[0] < _scripts.Length ? [] : [$"script {genes[0]} does not exist"];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new Generator(geneMatrix.ToArray().Select(g => _scripts[(int)g]).ToArray());

    private sealed class Generator(double[][] lanes) : ISignalGenerator
    {
        public int StrategyCount => lanes.Length;

        public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
        {
            for (var r = 0; r < count; r++)
            {
                for (var j = 0; j < laneCount; j++)
                {
                    targets[(r * laneCount) + j] = lanes[firstLane + j][start + r];
                }
            }
        }
    }
}
