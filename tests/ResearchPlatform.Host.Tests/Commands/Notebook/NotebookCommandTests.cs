using System.Text.Json.Nodes;
using ResearchPlatform.Host.Tests.Notebooks;

namespace ResearchPlatform.Host.Tests.Commands.Notebook;

/// <summary><c>rp notebook run</c> as a real process on small notebooks: failures, parameters, references, time limits.</summary>
public sealed class NotebookCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Run_BrokenCell_ExitsOneNamingCellIndexAndCompilerMessage()
    {
        using var dir = new TempDir();
        var nb = NotebookProcess.WriteNotebook(dir.File("broken.ipynb"), "var a = 5;\nConsole.WriteLine(a);", "var x = 1;\nint y = \"text\";", "Console.WriteLine(\"never\");");
        var output = dir.File("broken.out.ipynb");

        var r = await NotebookProcess.RunAsync(Limit, "notebook", "run", nb, "--output", output);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("broken.ipynb: cells[2] (id c1) failed: CompilationError: line 2:9: error CS0029: Cannot implicitly convert type 'string' to 'int'", r.StdErr, StringComparison.Ordinal);
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.Equal("5\n", cells[1]!["outputs"]![0]!["text"]![0]!.GetValue<string>());
        var error = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Contains("CS0029", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
        Assert.Null(cells[3]!["execution_count"]);
        Assert.Equal("kept", JsonNode.Parse(File.ReadAllText(output))!["metadata"]!["custom"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ParametersNuGetLoadAndRuntimeError_InjectsSharesStateAndStopsAtTheThrow()
    {
        using var dir = new TempDir();
        dir.Write("helper.csx", "static int Twice(int v) => 2 * v;\n");
        var nb = NotebookProcess.WriteNotebook(dir.File("p.ipynb"),
            "//parameters\nint bars = 3;\nstring label = \"default\";",
            "#r \"nuget: Apache.Arrow, 23.0.0\"\n#load \"helper.csx\"\nvar field = new Apache.Arrow.Field(label, Apache.Arrow.Types.Int32Type.Default, false);\nConsole.WriteLine($\"{field.Name} {Twice(bars)}\");\nbars * 10",
            "throw new InvalidOperationException(\"boom \" + bars);",
            "bars");
        var output = dir.File("p.out.ipynb");

        var r = await NotebookProcess.RunAsync(Limit, "notebook", "run", nb, "--output", output, "--param", "bars=21", "--param", "label=x y", "--json");

        Assert.Equal(1, r.ExitCode);
        var failure = JsonNode.Parse(r.StdOut)!["notebooks"]![0]!["failure"]!;
        Assert.Equal(4, failure["cell_index"]!.GetValue<int>());
        Assert.Equal("InvalidOperationException", failure["error_name"]!.GetValue<string>());
        Assert.Equal("boom 21", failure["message"]!.GetValue<string>());
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.Equal("injected-parameters", cells[2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Contains("int bars = 21;", string.Concat(cells[2]!["source"]!.AsArray().Select(l => l!.GetValue<string>())), StringComparison.Ordinal);
        var outputs = cells[3]!["outputs"]!.AsArray();
        Assert.Equal("x y 42\n", outputs[0]!["text"]![0]!.GetValue<string>());
        Assert.Equal("execute_result", outputs[1]!["output_type"]!.GetValue<string>());
        Assert.Equal("210", outputs[1]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal(3, cells[3]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Run_MissingNuGetPackageAndSlowCell_FailClearly()
    {
        using var dir = new TempDir();
        var missing = NotebookProcess.WriteNotebook(dir.File("m.ipynb"), "#r \"nuget: No.Such.Package.Rp, 9.9.9\"\n1");
        var slow = NotebookProcess.WriteNotebook(dir.File("s.ipynb"), "1", "while (true) { }", "2");

        var m = await NotebookProcess.RunAsync(Limit, "notebook", "run", missing, "--output", dir.File("m.out.ipynb"));
        var s = await NotebookProcess.RunAsync(Limit, "notebook", "run", slow, "--output", dir.File("s.out.ipynb"), "--timeout-per-cell", "20s");

        Assert.Equal(1, m.ExitCode);
        Assert.Contains("cells[1] (id c0) failed: CompilationError", m.StdErr, StringComparison.Ordinal);
        Assert.Contains("package No.Such.Package.Rp 9.9.9 is not in the local package cache", m.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, s.ExitCode);
        Assert.Contains("cells[2] (id c1) failed: CellTimeout: the cell ran longer than its limit of 20 s", s.StdErr, StringComparison.Ordinal);
        var cells = JsonNode.Parse(File.ReadAllText(dir.File("s.out.ipynb")))!["cells"]!.AsArray();
        Assert.Equal("CellTimeout", cells[2]!["outputs"]![0]!["ename"]!.GetValue<string>());
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
    }

    [Fact]
    public async Task Run_BadArguments_ExitTwo()
    {
        using var dir = new TempDir();
        var nb = NotebookProcess.WriteNotebook(dir.File("ok.ipynb"), "//parameters\nint n = 1;", "n");
        dir.Write("v3.ipynb", """{"nbformat": 3, "worksheets": []}""");

        var noInput = await NotebookProcess.RunAsync(Limit, "notebook", "run");
        var badParam = await NotebookProcess.RunAsync(Limit, "notebook", "run", nb, "--param", "n=abc", "--output", dir.File("o.ipynb"));
        var badFormat = await NotebookProcess.RunAsync(Limit, "notebook", "run", dir.File("v3.ipynb"), "--output", dir.File("o3.ipynb"));
        var badTimeout = await NotebookProcess.RunAsync(Limit, "notebook", "run", nb, "--timeout-per-cell", "soon");

        Assert.Equal(2, noInput.ExitCode);
        Assert.Contains("give either a notebook FILE or --all", noInput.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, badParam.ExitCode);
        Assert.Contains("--param n=abc: not a valid int", badParam.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("field 'nbformat': expected 4, found 3", badFormat.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, badTimeout.ExitCode);
        Assert.False(File.Exists(dir.File("o.ipynb")));
    }
}
