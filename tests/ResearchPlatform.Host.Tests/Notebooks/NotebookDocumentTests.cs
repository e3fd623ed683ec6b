using System.Text.Json.Nodes;
using ResearchPlatform.Host.Notebooks;

namespace ResearchPlatform.Host.Tests.Notebooks;

public sealed class NotebookDocumentTests
{
    [Fact]
    public void Load_MissingOrDuplicateIds_GetsUniqueIdsAndMinor5()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.ipynb", """
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {"x": 1}, "cells": [
              {"cell_type": "code", "metadata": {}, "source": ["a\n", "b"], "outputs": [], "execution_count": null},
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "text"},
              {"cell_type": "code", "id": "m", "metadata": {}, "source": "c", "outputs": [], "execution_count": 3}]}
            """);

        var doc = NotebookDocument.Load(path);

        Assert.Equal(5, doc.Root["nbformat_minor"]!.GetValue<int>());
        var ids = doc.Cells.Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["cell-0", "m", "cell-2"], ids);
        Assert.Equal("a\nb", NotebookDocument.SourceOf((JsonObject)doc.Cells[0]!));
        Assert.Equal(1, doc.Root["metadata"]!["x"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("[1, 2]", "the top level must be a JSON object")]
    [InlineData("""{"nbformat": 4}""", "field 'cells': missing or not an array")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code"}]}""", "cells[0]: field 'source': missing")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "python", "source": ""}]}""", "cells[0]: field 'cell_type': expected code, markdown or raw")]
    [InlineData("{ not json", "not valid JSON (line 1)")]
    public void Load_Malformed_NamesTheField(string json, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.ipynb", json);

        var ex = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLines_KeepsNewlines_AndKernelOfReadsPolyglotMetadata()
    {
        Assert.Equal(["a\n", "\n", "b"], NotebookDocument.ToLines("a\n\nb").Select(n => n!.GetValue<string>()));
        var cell = new JsonObject { ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" } }, ["source"] = "x" };
        Assert.Equal("fsharp", NotebookDocument.KernelOf(cell));
        Assert.Equal("pwsh", NotebookDocument.KernelOf(new JsonObject { ["metadata"] = new JsonObject(), ["source"] = "#!pwsh\nls" }));
    }
}
