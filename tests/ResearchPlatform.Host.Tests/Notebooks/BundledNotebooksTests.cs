using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Notebooks;

/// <summary>
/// Runs every notebook of <c>notebooks/</c> the way CI does (<c>rp notebook run --all</c>) on the bundled sample data
/// and checks the executed outputs: real PNG plots and HTML tables, no error, valid nbformat 4.5 that nbconvert renders.
/// </summary>
public sealed class BundledNotebooksTests(ITestOutputHelper log)
{
    private const string ValidateScript = """
        import sys, nbformat
        for path in sys.argv[1:]:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
            assert (nb.nbformat, nb.nbformat_minor) >= (4, 5), path
            print("valid", path)
        """;

    [Fact]
    public async Task RunAll_BundledNotebooks_OutputsHavePlotsAndTablesAndNoErrors()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");

        var r = await NotebookProcess.RunAsync(TimeSpan.FromMinutes(8), "notebook", "run", "--all", "--dir", NotebookProcess.NotebooksFolder(),
            "--output", outDir, "--param", "workspace=" + dir.File("ws"), "--json");
        log.WriteLine(r.StdErr);

        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.StdErr}");
        var report = JsonNode.Parse(r.StdOut)!;
        Assert.True(report["succeeded"]!.GetValue<bool>());
        var notebooks = report["notebooks"]!.AsArray();
        Assert.Equal(
            ["01-data-exploration", "02-author-a-seed", "03-evolve", "04-validate", "05-risk"],
            notebooks.Select(n => Path.GetFileNameWithoutExtension(n!["input"]!.GetValue<string>())).ToArray());
        foreach (var n in notebooks)
        {
            var output = n!["output"]!.GetValue<string>();
            Assert.Equal(outDir, Path.GetDirectoryName(output));
            var nb = JsonNode.Parse(File.ReadAllText(output))!;
            var outputs = NotebookProcess.Outputs(nb).ToList();
            Assert.DoesNotContain(outputs, o => o.Output["output_type"]!.GetValue<string>() == "error");
            var pngs = outputs.Where(o => o.Output["data"]?["image/png"] is not null).Select(o => Convert.FromBase64String(o.Output["data"]!["image/png"]!.GetValue<string>())).ToList();
            Assert.True(pngs.Count > 0, $"{output}: no image/png output");
            Assert.All(pngs, png =>
            {
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
                Assert.True(png.Length > 10_000, $"{output}: a {png.Length}-byte PNG is too small to hold a plot");
            });
            Assert.Contains(outputs, o => o.Output["data"]?["text/html"] is JsonArray html && string.Concat(html.Select(l => l!.GetValue<string>())).Contains("<td>", StringComparison.Ordinal));
            var code = nb["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.All(code, c => Assert.NotNull(c!["execution_count"]?.GetValue<int>()));
            Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.Contains(code, c => c!["metadata"]!["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "injected-parameters") == true);
            AssertIssueContent(Path.GetFileNameWithoutExtension(n["input"]!.GetValue<string>()), nb, outputs, pngs.Count);
        }

        await ValidateWithNbformatAsync(notebooks.Select(n => n!["output"]!.GetValue<string>()).ToArray(), dir.File("html"));
    }

    [Fact]
    public void CommittedNotebooks_ArePolyglotFilesLoadingTheSharedSetup()
    {
        var files = Directory.GetFiles(NotebookProcess.NotebooksFolder(), "*.ipynb").Where(f => !f.EndsWith(".out.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        foreach (var file in files)
        {
            var nb = JsonNode.Parse(File.ReadAllText(file))!;
            var name = Path.GetFileName(file);
            Assert.True(nb["nbformat"]!.GetValue<int>() == 4 && nb["nbformat_minor"]!.GetValue<int>() == 5, $"{name}: not nbformat 4.5");
            Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.Equal("csharp", nb["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
            var code = nb["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.All(code, c => Assert.Equal("csharp", c!["metadata"]!["polyglot_notebook"]?["kernelName"]?.GetValue<string>()));
            Assert.All(code, c => Assert.Empty(c!["outputs"]!.AsArray())); // committed without outputs
            var first = string.Concat(code[0]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
            Assert.StartsWith("#load \"_init.csx\"", first, StringComparison.Ordinal);
            Assert.Contains(code, c => c!["metadata"]!["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "parameters") == true);
        }

        var init = File.ReadAllText(Path.Combine(NotebookProcess.NotebooksFolder(), "_init.csx"));
        Assert.Contains("#r \"", init, StringComparison.Ordinal); // the setup references the built assemblies
    }

    /// <summary>
    /// What each notebook must show (issue #13), by the captions of its HTML tables and its number of plots: 1 bars and
    /// gaps by SQL, price and volatility; 2 a seed type written in a cell, compared with a built-in one; 3 fitness per
    /// generation, hall of fame with out-of-sample and hold-out metrics, the deflated Sharpe and a Pareto front; 4 backtest
    /// vs paper replay with the difference attributed; 5 regime history and what the risk manager did.
    /// </summary>
    private static readonly Dictionary<string, (string[] Captions, string[] Columns, int Plots)> Required = new()
    {
        ["01-data-exploration"] = (["import report", "coverage", "gaps (SQL)", "realized volatility"], ["missing_bars"], 2),
        ["02-author-a-seed"] = (["genes of sma_band", "same kernel, same costs"], [], 1),
        ["03-evolve"] = (["generations", "hall of fame", "deflated Sharpe ratio", "Pareto front"], ["OOS Sharpe", "hold-out"], 2),
        ["04-validate"] = (["paper replay", "kernel vs replay"], ["fees_effect", "price_effect", "quantity_effect", "unmatched_effect", "residual"], 1),
        ["05-risk"] = (["days per regime", "regime changes", "same strategy, same bars", "level changes and flattens"], [], 2),
    };

    private static void AssertIssueContent(string name, JsonNode nb, List<(int Cell, JsonObject Output)> outputs, int plots)
    {
        var (captions, columns, minPlots) = Required[name];
        var html = string.Concat(outputs.Select(o => o.Output["data"]?["text/html"]).OfType<JsonArray>().SelectMany(a => a.Select(l => l!.GetValue<string>())));
        Assert.All(captions, c => Assert.True(System.Text.RegularExpressions.Regex.IsMatch(html, "<caption>[^<]*" + System.Text.RegularExpressions.Regex.Escape(c), System.Text.RegularExpressions.RegexOptions.IgnoreCase), $"{name}: no table captioned '{c}'"));
        Assert.All(columns, c => Assert.True(html.Contains($"<th>{c}", StringComparison.OrdinalIgnoreCase), $"{name}: no column '{c}'"));
        Assert.True(plots >= minPlots, $"{name}: {plots} plots, expected at least {minPlots}");
        Assert.DoesNotContain(">-0<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">NaN<", html, StringComparison.Ordinal);
        if (name == "02-author-a-seed")
        {
            var source = string.Concat(nb["cells"]!.AsArray().SelectMany(c => c!["source"]!.AsArray().Select(l => l!.GetValue<string>())));
            Assert.Contains(": ISeedType", source, StringComparison.Ordinal); // the seed type is written in the notebook itself
        }
    }

    private async Task ValidateWithNbformatAsync(string[] outputs, string htmlDir)
    {
        if (!NotebookProcess.HasNbformat())
        {
            log.WriteLine("skipped nbformat/nbconvert checks: /usr/bin/python3 lacks nbformat or nbconvert (scripts/ci-setup.sh installs python3-nbformat and python3-nbconvert)");
            return;
        }

        var valid = await NotebookProcess.PythonAsync(ValidateScript, outputs);
        Assert.True(valid.ExitCode == 0, valid.StdErr);
        var html = await NotebookProcess.PythonAsync("import sys; from nbconvert.nbconvertapp import main; sys.exit(main())", ["--to", "html", "--output-dir", htmlDir, .. outputs]);
        Assert.True(html.ExitCode == 0, html.StdErr);
        foreach (var o in outputs)
        {
            var page = File.ReadAllText(Path.Combine(htmlDir, Path.GetFileNameWithoutExtension(o) + ".html"));
            Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
            Assert.Contains("<table>", page, StringComparison.Ordinal);
        }
    }
}
