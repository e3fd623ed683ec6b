using ResearchPlatform.Host.Seeds;
using ScottPlot;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// What every notebook cell sees as globals: <c>display(value)</c> (HTML, PNG, ScottPlot plots, text), the notebook's
/// own location, the host's build folder and the host's seed catalog (the plugins beside rp.dll).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708", Justification = "display() is the notebook convention; Display() the .NET one")]
public sealed class NotebookGlobals : IDisposable
{
    private readonly Lazy<PluginSeedCatalog> _seeds;
    private CellOutputs? _current;

    internal NotebookGlobals(string notebookPath)
    {
        NotebookPath = notebookPath;
        _seeds = new Lazy<PluginSeedCatalog>(() => new PluginSeedCatalog());
    }

    /// <summary>Absolute path of the notebook being run (the input file, not the output).</summary>
    public string NotebookPath { get; }

    /// <summary>Folder of the notebook: relative paths in notebooks should start here.</summary>
    public string NotebookDirectory => Path.GetDirectoryName(NotebookPath)!;

    /// <summary>Folder of the running host (rp.dll and its plugins/).</summary>
    public string HostDirectory => AppContext.BaseDirectory;

    /// <summary>Seed types of the host's plugins (the same catalog <c>rp backtest</c> uses).</summary>
    public ISeedCatalog Seeds => _seeds.Value;

    internal CellOutputs? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>Shows a value in the current cell's outputs (Jupyter/.NET Interactive's <c>display</c>).</summary>
#pragma warning disable IDE1006 // lower case on purpose: the name notebooks use everywhere
    public void display(object? value) => Display(value);
#pragma warning restore IDE1006

    /// <summary>Shows a value in the current cell's outputs: <see cref="HtmlContent"/>, <see cref="PngImage"/>, a ScottPlot <see cref="Plot"/>, else its text.</summary>
    public void Display(object? value) =>
        (Current ?? throw new InvalidOperationException("display() called outside a running cell")).Display(MimeRenderer.Render(value));

    /// <summary>Shows a ScottPlot plot rendered at the given size.</summary>
    public void Display(Plot plot, int width, int height) => Display(MimeRenderer.RenderPlot(plot, width, height));

    public void Dispose()
    {
        if (_seeds.IsValueCreated)
        {
            _seeds.Value.Dispose();
        }
    }
}
