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
        }

        await ValidateWithNbformatAsync(notebooks.Select(n => n!["output"]!.GetValue<string>()).ToArray(), dir.File("html"));
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
