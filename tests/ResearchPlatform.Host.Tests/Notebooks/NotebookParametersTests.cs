using ResearchPlatform.Host.Notebooks;

namespace ResearchPlatform.Host.Tests.Notebooks;

public sealed class NotebookParametersTests
{
    [Fact]
    public void BuildInjectedCell_DeclaredTypes_RedeclaresWithTheSameTypes()
    {
        var declared = NotebookParameters.Declared("int generations = 5;\nvar rate = 0.5;\nstring name = \"a\"; // comment\nbool fast = false;\nlong big = 1L;");
        var warnings = new List<string>();

        var code = NotebookParameters.BuildInjectedCell(
            new Dictionary<string, string> { ["generations"] = "12", ["rate"] = "1e-3", ["name"] = "q\"uote", ["fast"] = "True", ["big"] = "5" }, declared, warnings);

        Assert.Equal(
            "// Parameters injected by rp notebook run\nint generations = 12;\ndouble rate = 0.001d;\nstring name = \"q\\\"uote\";\nbool fast = true;\nlong big = 5L;\n",
            code);
        Assert.Empty(warnings);
    }

    [Fact]
    public void BuildInjectedCell_UndeclaredName_InfersTypeAndWarns()
    {
        var warnings = new List<string>();

        var code = NotebookParameters.BuildInjectedCell(new Dictionary<string, string> { ["extra"] = "2.5" }, new Dictionary<string, string>(), warnings);

        Assert.EndsWith("double extra = 2.5d;\n", code, StringComparison.Ordinal);
        Assert.Equal("parameter 'extra' is not declared in the notebook's parameters cell; injected as double", Assert.Single(warnings));
    }

    [Fact]
    public void Parse_BadArguments_Throw()
    {
        Assert.Equal("a=b", NotebookParameters.Parse(["x=a=b"])["x"]);
        Assert.Contains("expected name=value", Assert.Throws<NotebookFormatException>(() => NotebookParameters.Parse(["novalue"])).Message, StringComparison.Ordinal);
        Assert.Contains("C# identifier", Assert.Throws<NotebookFormatException>(() => NotebookParameters.Parse(["1x=3"])).Message, StringComparison.Ordinal);
        var declared = new Dictionary<string, string> { ["when"] = "DateTime" };
        Assert.Contains("only string, bool", Assert.Throws<NotebookFormatException>(() => NotebookParameters.BuildInjectedCell(new Dictionary<string, string> { ["when"] = "2020" }, declared, [])).Message, StringComparison.Ordinal);
    }
}
