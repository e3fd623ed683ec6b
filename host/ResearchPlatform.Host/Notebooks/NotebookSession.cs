using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// One notebook's Roslyn scripting state: cells are submissions chained with <c>ContinueWithAsync</c>, so variables,
/// types and usings of earlier cells are visible in later ones. The host's own assemblies (Sdk, Engine, DuckDB.NET,
/// Arrow, ScottPlot) are registered with the script loader, so a notebook that <c>#r</c>s their files gets the host's
/// loaded copies: one <c>ISeedType</c>, one native DuckDB.
/// </summary>
internal sealed class NotebookSession : IDisposable
{
    private static readonly string[] Imports =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks"];

    private readonly InteractiveAssemblyLoader _loader = new();
    private readonly NotebookReferenceResolver _resolver;
    private readonly ScriptOptions _options;
    private ScriptState<object>? _state;

    public NotebookSession(string notebookPath)
    {
        NotebookPath = notebookPath;
        Globals = new NotebookGlobals(notebookPath);
        var dir = Path.GetDirectoryName(notebookPath)!;
        _resolver = new NotebookReferenceResolver(dir, NotebookReferenceResolver.DefaultPackageRoots(), AppContext.BaseDirectory);
        foreach (var assembly in SharedAssemblies())
        {
            _loader.RegisterDependency(assembly);
        }

        _options = ScriptOptions.Default
            .AddReferences(typeof(Enumerable).Assembly, typeof(NotebookGlobals).Assembly, typeof(System.Collections.Immutable.ImmutableArray).Assembly)
            .AddImports(Imports)
            .WithMetadataResolver(_resolver)
            .WithSourceResolver(new SourceFileResolver([], dir))
            .WithFilePath(notebookPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false);
    }

    public string NotebookPath { get; }

    public NotebookGlobals Globals { get; }

    /// <summary>
    /// Compiles and runs a throw-away submission with the session's options (in its own chain: no state is kept) so that
    /// Roslyn's start-up, the loading of the default references and the first emit (seconds on a cold, busy machine)
    /// are not charged to the first cell's time limit.
    /// </summary>
    public Task WarmUpAsync(CancellationToken ct) => CSharpScript.Create<object>("0", _options, typeof(NotebookGlobals), _loader).RunAsync(Globals, ct);

    /// <summary>Compiles and runs one cell. Compile errors throw <see cref="CompilationErrorException"/>; a thrown exception is returned.</summary>
    public async Task<(object? Value, Exception? Error)> ExecuteAsync(string code, CancellationToken ct)
    {
        if (_state is null)
        {
            var script = CSharpScript.Create<object>(code, _options, typeof(NotebookGlobals), _loader);
            _state = await script.RunAsync(Globals, _ => true, ct);
        }
        else
        {
            _state = await _state.ContinueWithAsync<object>(code, _options, _ => true, ct);
        }

        return (_state.Exception is null ? _state.ReturnValue : null, _state.Exception);
    }

    /// <summary>The compiler's errors as <c>line:col: error CSxxxx: message</c> (lines counted within the cell; a #load'ed file is named).</summary>
    public string Describe(CompilationErrorException ex)
    {
        var lines = ex.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToList();
        var problems = _resolver.Problems.Values.ToList();
        if (ex.Diagnostics.Any(d => d.Id == "CS0006") && problems.Count > 0)
        {
            lines.AddRange(problems);
        }

        _resolver.Problems.Clear();
        return string.Join("\n", lines);
    }

    public void Dispose()
    {
        Globals.Dispose();
        _loader.Dispose();
    }

    private string Format(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var where = !span.IsValid ? string.Empty
            : string.IsNullOrEmpty(span.Path) || span.Path == NotebookPath
                ? string.Create(CultureInfo.InvariantCulture, $"line {span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: ")
                : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: ");
        return $"{where}error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Assemblies a notebook must share with the host rather than load again.</summary>
    private static IEnumerable<Assembly> SharedAssemblies() =>
    [
        typeof(NotebookGlobals).Assembly,
        typeof(Sdk.Seeds.ISeedType).Assembly,
        typeof(Engine.Backtesting.Backtest).Assembly,
        typeof(DuckDB.NET.Data.DuckDBConnection).Assembly,
        typeof(DuckDB.NET.Native.NativeMethods).Assembly,
        typeof(Apache.Arrow.RecordBatch).Assembly,
        typeof(ScottPlot.Plot).Assembly,
        typeof(SkiaSharp.SKBitmap).Assembly,
    ];
}
