using ResearchPlatform.Host.Plugins;

namespace ResearchPlatform.Host.Tests.Plugins;

public sealed class PluginManifestReaderTests
{
    private const string Path = "/plugins/X/plugin.json";

    [Fact]
    public void Parse_ValidManifest_ReturnsEveryField()
    {
        var manifest = Parse("""
            {
              // comments and trailing commas are tolerated
              "id": "Seeds",
              "version": "1.4.0-beta.2",
              "sdkVersion": "1.0",
              "assembly": "ResearchPlatform.Plugins.Seeds.dll",
              "description": "Classic seed types",
              "provides": ["seed:momentum", "seed:mean_reversion"],
            }
            """);

        Assert.Equal(
            new PluginManifest("Seeds", "1.4.0-beta.2", "1.0", "ResearchPlatform.Plugins.Seeds.dll", "Classic seed types", manifest.Provides),
            manifest);
        Assert.Equal(["seed:momentum", "seed:mean_reversion"], manifest.Provides);
    }

    [Fact]
    public void Parse_DescriptionMissingAndProvidesEmpty_Accepted()
    {
        var manifest = Parse("""{"id":"a","version":"0.1.0","sdkVersion":"1.0","assembly":"a.dll","provides":[]}""");

        Assert.Equal(string.Empty, manifest.Description);
        Assert.Empty(manifest.Provides);
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEachWithFileName()
    {
        var ex = Assert.Throws<PluginManifestException>(() => Parse(
            """{"id":"-bad id","version":"1.0","sdkVersion":"v1","assembly":"../x.dll","description":3}"""));

        Assert.Equal(Path, ex.FilePath);
        Assert.Equal(
            [
                "field 'id': '-bad id' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                "field 'version': '1.0' is not of the form major.minor.patch[-prerelease]",
                "field 'sdkVersion': 'v1' is not of the form major.minor",
                "field 'assembly': '../x.dll' must be a file name inside the plugin folder, not a path",
                "field 'description': must be a string, found a number",
                "field 'provides': missing (use [] for a plugin that provides nothing yet)",
            ],
            ex.Problems);
        Assert.StartsWith(Path + ": field 'id'", ex.Message);
    }

    [Fact]
    public void Parse_FieldNameWithWrongCase_SuggestsTheRightOne()
    {
        var ex = Assert.Throws<PluginManifestException>(() => Parse(
            """{"id":"a","version":"1.0.0","sdkversion":"1.0","assembly":"a.dll","provides":[],"extra":true}"""));

        Assert.Equal(
            [
                "field 'sdkversion': unknown, did you mean 'sdkVersion'?",
                "field 'extra': unknown (fields: id, version, sdkVersion, assembly, description, provides)",
                "field 'sdkVersion': missing",
            ],
            ex.Problems);
    }

    [Fact]
    public void Parse_BadProvidesEntries_NamesEachIndex()
    {
        var ex = Assert.Throws<PluginManifestException>(() => Parse(
            """{"id":"a","version":"1.0.0","sdkVersion":"1.0","assembly":"a.dll","provides":["momentum","venue:x","seed:a",1,"SEED:A"]}"""));

        Assert.Equal(
            [
                "field 'provides[0]': 'momentum' is not of the form kind:id (e.g. seed:momentum)",
                "field 'provides[1]': unknown kind 'venue' (known: seed, risk, exchange)",
                "field 'provides[3]': must be a \"kind:id\" string, found a number",
                "field 'provides[4]': 'SEED:A' is listed twice",
            ],
            ex.Problems);
    }

    [Theory]
    [InlineData("""{"id": "a",""", "invalid JSON at line 1, column 11")]
    [InlineData("{\n  \"id\": \"a\"\n  \"version\": \"1.0.0\"\n}", "invalid JSON at line 3, column 3")]
    [InlineData("[1, 2]", "the root must be a JSON object, found an array")]
    public void Parse_NotAJsonObject_ReportsWhereAndWhat(string json, string expectedStart)
    {
        var ex = Assert.Throws<PluginManifestException>(() => Parse(json));

        Assert.StartsWith(expectedStart, Assert.Single(ex.Problems));
    }

    [Theory]
    [InlineData("ResearchPlatform.Sdk.dll", "field 'assembly': 'ResearchPlatform.Sdk.dll' is the Sdk, not a plugin")]
    [InlineData("plugin.exe", "field 'assembly': 'plugin.exe' must name a .dll file")]
    [InlineData("sub\\\\x.dll", "field 'assembly': 'sub\\x.dll' must be a file name inside the plugin folder, not a path")]
    public void Parse_BadAssemblyName_Rejected(string assembly, string expected)
    {
        var ex = Assert.Throws<PluginManifestException>(() => Parse(
            $$"""{"id":"a","version":"1.0.0","sdkVersion":"1.0","assembly":"{{assembly}}","provides":[]}"""));

        Assert.Equal(expected, Assert.Single(ex.Problems));
    }

    [Fact]
    public void Read_MissingFile_SaysTheManifestIsMissing()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"), "plugin.json");

        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestReader.Read(path, PluginContracts.All));

        Assert.Equal($"{path}: missing: every plugin folder needs a plugin.json", ex.Message);
    }

    private static PluginManifest Parse(string json) => PluginManifestReader.Parse(json, Path, PluginContracts.All);
}
